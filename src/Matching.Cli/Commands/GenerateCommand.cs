using System.CommandLine;
using System.Globalization;
using Matching.Generation;
using Matching.Io;

namespace Matching.Cli.Commands;

/// <summary><c>matching generate</c>: writes a realistic synthetic batch (children.csv and carers.csv).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var children = new Option<int>("--children")
        {
            Description = "How many children",
            HelpName = "N",
            Required = true,
        };
        children.Validators.Add(r => NotNegative(r, "--children"));
        var carers = new Option<int?>("--carers")
        {
            Description = "How many carer households [default: as many as children]",
            HelpName = "N",
        };
        carers.Validators.Add(r => NotNegative(r, "--carers"));
        var seed = new Option<int>("--seed")
        {
            Description = "Seed: the same options and seed always give the same files",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var region = new Option<string?>("--region")
        {
            Description = "Where the batch lives: an English region (for example \"North West\"), a local authority name or code, or England [default: England]",
            HelpName = "NAME",
        };
        var kind = new Option<string>("--kind")
        {
            Description = "mixed (mostly fostering), adoption (concurrent, FfA and adoption) or fostering",
            HelpName = "KIND",
            DefaultValueFactory = _ => "mixed",
        };
        kind.AcceptOnlyFromAmong("mixed", "adoption", "fostering");
        var asOf = new BatchOptions().AsOf;
        var output = new Option<string>("--out")
        {
            Description = "Folder to write children.csv and carers.csv into",
            HelpName = "DIR",
            DefaultValueFactory = _ => ".",
        };
        var force = new Option<bool>("--force") { Description = "Replace children.csv and carers.csv if the folder already has them" };
        var command = new Command(
            "generate",
            "Writes a realistic synthetic batch (children.csv and carers.csv) on real English geography, for trying the " +
            "tool out, training and testing. No real person is in it.")
        {
            children, carers, seed, region, kind, asOf, output, force,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetRequiredValue(output);
            var childPath = Path.Combine(dir, "children.csv");
            var carerPath = Path.Combine(dir, "carers.csv");
            if (!parse.GetValue(force) && (File.Exists(childPath) || File.Exists(carerPath)))
            {
                env.Error.WriteLine($"matching: '{dir}' already has children.csv or carers.csv; add --force to replace them.");
                return ExitCodes.Usage;
            }

            var count = parse.GetValue(children);
            var options = new GeneratorOptions
            {
                Children = count,
                Carers = parse.GetValue(carers) ?? count,
                Seed = parse.GetValue(seed),
                BatchDate = parse.GetValue(asOf) ?? DateOnly.FromDateTime(env.Clock.GetLocalNow().DateTime),
                Kind = Enum.Parse<BatchKind>(parse.GetRequiredValue(kind), ignoreCase: true),
                Region = parse.GetValue(region),
            };
            GeneratedBatch batch;
            try
            {
                batch = BatchGenerator.Generate(options);
            }
            catch (ArgumentException)
            {
                env.Error.WriteLine($"matching: --region '{options.Region}' is not known; write an English region ({string.Join(", ", BatchGenerator.RegionNames)}), a local authority name or GSS code, or England.");
                return ExitCodes.Usage;
            }

            Directory.CreateDirectory(dir);
            InputCsvWriter.WriteGenerated(batch, childPath, carerPath);
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {batch.Children.Length} children to {childPath} and {batch.Carers.Length} carers to {carerPath} (batch date {options.BatchDate:yyyy-MM-dd}, seed {options.Seed})."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void NotNegative(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<int?>() is < 0)
        {
            result.AddError($"{name} must be 0 or more");
        }
    }
}
