using System.Diagnostics;
using Matching.Generation;
using Matching.Io;

namespace Matching.Bench.Scenarios;

/// <summary>The load phase: reading and validating a batch's children.csv and carers.csv from disk.</summary>
internal static class BatchLoad
{
    /// <summary>Writes the scenario batch to a temporary folder and returns how long reading it back took, in ms.</summary>
    public static double? Measure(ScenarioSpec spec, int seed, TextWriter log)
    {
        var folder = Files(spec, seed);
        try
        {
            var watch = Stopwatch.StartNew();
            var read = BatchReader.Read(new BatchFiles { Children = folder.Children, Carers = folder.Carers }, spec.Day);
            watch.Stop();
            if (read.HasErrors)
            {
                log.WriteLine($"{spec.Name}: the written batch did not read back cleanly ({read.ErrorCount} errors, first: {read.Issues.First(i => i.IsError)}); load not measured");
                return null;
            }

            return watch.Elapsed.TotalMilliseconds;
        }
        finally
        {
            Directory.Delete(folder.Directory, recursive: true);
        }
    }

    /// <summary>Writes the scenario batch as CSV files in a new temporary folder (the caller deletes it).</summary>
    public static (string Directory, string Children, string Carers) Files(ScenarioSpec spec, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("matching-bench-").FullName;
        var children = Path.Combine(dir, "children.csv");
        var carers = Path.Combine(dir, "carers.csv");
        var batch = BatchGenerator.Generate(spec.Options(seed));
        InputCsvWriter.WriteChildren(
            children,
            batch.Children.Select(c => c.Child),
            batch.Children.ToDictionary(
                c => c.Child.Id,
                c => new ChildPostcodes(c.ContactPostcode, c.HomePostcode, c.SchoolPostcode, [.. c.Avoid.Select(a => (string?)a.Postcode)]),
                StringComparer.Ordinal));
        InputCsvWriter.WriteCarers(carers, batch.Carers.Select(c => c.Carer), batch.Carers.ToDictionary(c => c.Carer.Id, c => c.Postcode, StringComparer.Ordinal));
        return (dir, children, carers);
    }
}
