namespace Matching.Bench.External;

/// <summary>One GAP instance with the set it belongs to (gap1..gap12, or type a..e).</summary>
internal sealed record GapEntry(string Set, GapInstance Instance);

/// <summary>Loads the GAP benchmark sets from shared bench-data/gap.</summary>
internal static class GapCatalogue
{
    /// <summary>OR-Library gap1..gap12: 60 small instances (Cattrysse and Osman type C).</summary>
    public static IReadOnlyList<GapEntry> Small(string gapDir) =>
        [.. Enumerable.Range(1, 12).SelectMany(k =>
            GapParser.ReadOrLibrary(Path.Combine(gapDir, "orlib", $"gap{k}.txt"), GapParser.OrLibraryName)
                .Select(i => new GapEntry($"gap{k}", i)))];

    /// <summary>Types a..e (Chu and Beasley, Laguna et al., Yagiura et al.), one file per instance.</summary>
    public static IReadOnlyList<GapEntry> Large(string gapDir, string types = "abcde") =>
        [.. Directory.EnumerateFiles(Path.Combine(gapDir, "yagiura"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => n.Length > 1 && types.Contains(n[0], StringComparison.Ordinal) && char.IsAsciiDigit(n[1]) && !n.Contains('_', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new GapEntry("type " + n[0], GapParser.ReadSingle(Path.Combine(gapDir, "yagiura", n))))];

    /// <summary>One instance by its Yagiura name (e.g. c0515_1 or d10200).</summary>
    public static GapInstance ByName(string gapDir, string name) => GapParser.ReadSingle(Path.Combine(gapDir, "yagiura", name));
}
