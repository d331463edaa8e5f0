using Matching.Bench.Infrastructure;

namespace Matching.Bench.External;

/// <summary>Whether a shared bench-data set is present; says why not on the console (benchmarks then have no cases).</summary>
internal static class BenchData
{
    public static string? Folder(string set)
    {
        var dir = SharedData.Folder(Path.Combine("bench-data", set), out var why);
        if (dir is null)
        {
            Console.WriteLine(why);
        }

        return dir;
    }
}
