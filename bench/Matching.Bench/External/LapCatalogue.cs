using System.Globalization;
using Matching.Bench.Infrastructure;

namespace Matching.Bench.External;

/// <summary>One OR-Library assign* file with its optimal cost.</summary>
internal sealed record LapEntry(string Name, string Path, bool Sparse, int Size, long Optimum)
{
    public LapInstance Load() => LapInstance.Read(Path, Sparse);
}

/// <summary>Reads shared bench-data/lap/optimal.csv (instance,file,n,format,arcs,optimal_cost,...).</summary>
internal static class LapCatalogue
{
    public static IReadOnlyList<LapEntry> All(string lapDir)
    {
        var path = System.IO.Path.Combine(lapDir, "optimal.csv");
        var entries = new List<LapEntry>();
        foreach (var (_, f) in SimpleCsv.Rows(path, 6))
        {
            entries.Add(new LapEntry(
                f[0], System.IO.Path.Combine(lapDir, f[1]), string.Equals(f[3], "sparse", StringComparison.Ordinal),
                int.Parse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture),
                long.Parse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture)));
        }

        return entries;
    }
}
