using System.Collections.Frozen;

namespace Matching.Geo;

/// <summary>
/// The nine English regions (ONS ITL1 / former Government Office Regions) of every children's services authority
/// (CSSR). Written by hand from ONS's "Local Authority District to Region (2024)" lookup, since the embedded
/// tables carry no region column.
/// </summary>
internal static class EnglishRegions
{
    /// <summary>The region names, in ONS order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
        "East of England", "London", "South East", "South West",
    ];

    private const string NE = "North East", NW = "North West", YH = "Yorkshire and The Humber", EM = "East Midlands",
        WM = "West Midlands", EE = "East of England", LO = "London", SE = "South East", SW = "South West";

    // Keyed by the numeric part of the GSS code within each prefix (E06 unitaries, E08 metropolitan districts, E10 counties).
    private static readonly FrozenDictionary<string, string> ByCssr = Build(
        ("E06", NE, [1, 2, 3, 4, 5, 47, 57]),
        ("E06", NW, [6, 7, 8, 9, 49, 50, 63, 64]),
        ("E06", YH, [10, 11, 12, 13, 14, 65]),
        ("E06", EM, [15, 16, 17, 18, 61, 62]),
        ("E06", WM, [19, 20, 21, 51]),
        ("E06", EE, [31, 32, 33, 34, 55, 56]),
        ("E06", SE, [35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 60]),
        ("E06", SW, [22, 23, 24, 25, 26, 27, 30, 52, 53, 54, 58, 59, 66]),
        ("E08", NW, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        ("E08", YH, [17, 18, 32, 33, 34, 35, 36, 38, 39]),
        ("E08", NE, [21, 22, 23, 24, 37]),
        ("E08", WM, [25, 26, 27, 28, 29, 30, 31]),
        ("E09", LO, [.. Enumerable.Range(1, 33)]),
        ("E10", EE, [3, 12, 15, 20, 29]),
        ("E10", EM, [7, 18, 19, 24]),
        ("E10", SW, [8, 13]),
        ("E10", SE, [11, 14, 16, 25, 30, 32]),
        ("E10", NW, [17]),
        ("E10", WM, [28, 31, 34]));

    /// <summary>The region of a children's services authority, or null when it is not an English CSSR known here.</summary>
    public static string? RegionOf(string cssrCode) => ByCssr.GetValueOrDefault(cssrCode);

    /// <summary>The canonical region name matching <paramref name="name"/> (any case), or null.</summary>
    public static string? Find(string name) =>
        Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static FrozenDictionary<string, string> Build(params (string Prefix, string Region, int[] Numbers)[] groups) =>
        groups.SelectMany(g => g.Numbers.Select(n => (Code: g.Prefix + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), g.Region)))
            .ToFrozenDictionary(x => x.Code, x => x.Region, StringComparer.Ordinal);
}
