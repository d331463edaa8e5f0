using System.Collections.Frozen;
using Matching.Model;

namespace Matching.Io;

/// <summary>The codes the input files use, lower case, mapped to the model.</summary>
internal static class Codes
{
    public static readonly FrozenDictionary<string, Sex> Sexes = new Dictionary<string, Sex>(StringComparer.Ordinal)
    {
        ["m"] = Sex.Male, ["f"] = Sex.Female, ["u"] = Sex.Unknown, ["1"] = Sex.Male, ["2"] = Sex.Female,
        ["male"] = Sex.Male, ["female"] = Sex.Female,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, PlacementType> PlacementTypes = new Dictionary<string, PlacementType>(StringComparer.Ordinal)
    {
        ["concurrent"] = PlacementType.Concurrent, ["ffa"] = PlacementType.Ffa,
        ["adoption"] = PlacementType.Adoption, ["foster"] = PlacementType.Foster,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, SiblingRule> SiblingRules = new Dictionary<string, SiblingRule>(StringComparer.Ordinal)
    {
        ["together"] = SiblingRule.Together, ["may_split"] = SiblingRule.MaySplit,
        ["may split"] = SiblingRule.MaySplit, ["may-split"] = SiblingRule.MaySplit,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, Approval> Approvals = new Dictionary<string, Approval>(StringComparer.Ordinal)
    {
        ["foster"] = Approval.Foster, ["adopter"] = Approval.Adopter, ["concurrent"] = Approval.Concurrent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, Agency> Agencies = new Dictionary<string, Agency>(StringComparer.Ordinal)
    {
        ["in_house"] = Agency.InHouse, ["ifa"] = Agency.Ifa, ["vaa"] = Agency.Vaa,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string UnknownEthnicity(string code) =>
        $"'{code}' is not an SSDA903 ethnicity code; codes: {string.Join(", ", EthnicityCodes.All)}";

    public static string Text(Sex sex) => sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" };

    public static string Text(PlacementType type) => type switch
    {
        PlacementType.Concurrent => "concurrent",
        PlacementType.Ffa => "ffa",
        PlacementType.Adoption => "adoption",
        _ => "foster",
    };

    public static string Text(SiblingRule rule) => rule == SiblingRule.MaySplit ? "may_split" : "together";

    public static string Text(Agency agency) => agency switch
    {
        Agency.InHouse => "in_house",
        Agency.Ifa => "ifa",
        Agency.Vaa => "vaa",
        _ => "",
    };

    public static string Text(Approval approval) => string.Join(';', Approvals
        .Where(kv => approval.HasFlag(kv.Value))
        .OrderBy(kv => kv.Value)
        .Select(kv => kv.Key));
}
