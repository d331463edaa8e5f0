using System.CommandLine;
using System.Globalization;
using Matching.Io;

namespace Matching.Cli.Commands;

/// <summary>The input options <c>solve</c> and <c>validate</c> share, with the same names and help.</summary>
internal sealed class BatchOptions
{
    public Option<string> Children { get; } = new("--children")
    {
        Description = "Your children list: children.csv, or an Excel workbook (.xlsx) with a sheet named 'children'",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string> Carers { get; } = new("--carers")
    {
        Description = "Your carers list: carers.csv, or an Excel workbook (.xlsx) with a sheet named 'carers'",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string?> Pins { get; } = new("--pins")
    {
        Description = "Links already agreed that must stay (columns child_id,carer_id)",
        HelpName = "FILE",
    };

    public Option<string?> Previous { get; } = new("--previous")
    {
        Description = "Last week's matches.csv, so proposals only change when it is worth it",
        HelpName = "FILE",
    };

    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = "Rule weights and settings (JSON; see 'matching rules')",
        HelpName = "FILE",
    };

    public Option<DateOnly?> AsOf { get; } = new("--as-of")
    {
        Description = "The batch date: ages and availability are worked out on this day [default: today]",
        HelpName = "YYYY-MM-DD",
        CustomParser = ParseDate,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Children);
        command.Options.Add(Carers);
        command.Options.Add(Pins);
        command.Options.Add(Previous);
        command.Options.Add(Settings);
        command.Options.Add(AsOf);
    }

    public BatchFiles Files(ParseResult parse) => new()
    {
        Children = parse.GetRequiredValue(Children),
        Carers = parse.GetRequiredValue(Carers),
        Pins = parse.GetValue(Pins),
        Previous = parse.GetValue(Previous),
        Settings = parse.GetValue(Settings),
    };

    /// <summary>The batch date given, else today on the local clock (the one place the tool reads the clock).</summary>
    public (DateOnly Date, string Source) BatchDate(ParseResult parse, CliEnvironment env) =>
        parse.GetValue(AsOf) is { } date ? (date, "--as-of") : (DateOnly.FromDateTime(env.Clock.GetLocalNow().DateTime), "today");

    /// <summary>Prints every issue, errors and warnings in file order.</summary>
    public static void Report(TextWriter writer, BatchReadResult read)
    {
        foreach (var issue in read.Issues)
        {
            writer.WriteLine(issue.ToString());
        }
    }

    public static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--as-of '{text}' is not a date; write YYYY-MM-DD, for example 2026-11-23");
        return null;
    }
}
