using Matching.Bench.Infrastructure;

namespace Matching.Bench.External;

/// <summary>Reads OR-Library GAP files (several instances, count first) and Yagiura single-instance files.</summary>
internal static class GapParser
{
    /// <summary>Reads an OR-Library file such as gap1.txt; instances are named with their Yagiura names.</summary>
    public static IReadOnlyList<GapInstance> ReadOrLibrary(string path, Func<int, int, int, string> name)
    {
        var reader = new TokenReader(path);
        var count = reader.NextInt();
        var instances = new List<GapInstance>(count);
        for (var k = 1; k <= count; k++)
        {
            instances.Add(ReadOne(reader, path, (m, n) => name(m, n, k)));
        }

        reader.ExpectEnd();
        return instances;
    }

    /// <summary>Reads a Yagiura single-instance file (no leading count); the file name is the instance name.</summary>
    public static GapInstance ReadSingle(string path)
    {
        var reader = new TokenReader(path);
        var instance = ReadOne(reader, path, (_, _) => Path.GetFileName(path));
        reader.ExpectEnd();
        return instance;
    }

    /// <summary>The Yagiura name of gapK instance k (c + agents + jobs + _k), e.g. c0515_1.</summary>
    public static string OrLibraryName(int agents, int jobs, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{agents:00}{jobs:00}_{index}");

    private static GapInstance ReadOne(TokenReader reader, string path, Func<int, int, string> name)
    {
        var m = reader.NextInt();
        var n = reader.NextInt();
        if (m <= 0 || n <= 0 || (long)m * n > 10_000_000)
        {
            throw new FormatException($"{path}: implausible size {m} agents x {n} jobs");
        }

        var cost = reader.NextInts(m * n);
        var load = reader.NextInts(m * n);
        var capacity = reader.NextInts(m);
        return new GapInstance(name(m, n), m, n, cost, load, capacity);
    }
}
