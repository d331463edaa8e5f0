using System.Collections.Frozen;

namespace Matching.Model;

/// <summary>
/// SSDA903 ETHNIC codes and their DfE broad groups (source: DfE SSDA903 guidance code list, via the shared
/// code lists). <c>REFU</c> (refused) and <c>NOBT</c> (not yet obtained) have no group and count as unknown.
/// </summary>
public static class EthnicityCodes
{
    private static readonly FrozenDictionary<string, string?> Groups = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["WBRI"] = "White", ["WIRI"] = "White", ["WOTH"] = "White", ["WIRT"] = "White", ["WROM"] = "White",
        ["MWBC"] = "Mixed", ["MWBA"] = "Mixed", ["MWAS"] = "Mixed", ["MOTH"] = "Mixed",
        ["AIND"] = "Asian", ["APKN"] = "Asian", ["ABAN"] = "Asian", ["AOTH"] = "Asian",
        ["BCRB"] = "Black", ["BAFR"] = "Black", ["BOTH"] = "Black",
        ["CHNE"] = "Other", ["OOTH"] = "Other",
        ["REFU"] = null, ["NOBT"] = null,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every valid code, in the order of the SSDA903 list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ];

    /// <summary>True when <paramref name="code"/> is an SSDA903 ETHNIC code (any case).</summary>
    public static bool IsValid(string code) => Groups.ContainsKey(code);

    /// <summary>The broad group (White, Mixed, Asian, Black, Other), or null when unknown, refused or not obtained.</summary>
    public static string? BroadGroup(string? code) => code is not null && Groups.TryGetValue(code, out var g) ? g : null;

    /// <summary>True when the code says something about identity (not refused, not yet obtained).</summary>
    public static bool IsKnown(string? code) => BroadGroup(code) is not null;
}
