namespace Matching.Rules.Soft;

/// <summary>
/// S6: splitting a <c>may_split</c> sibling group. Each extra carer the group is spread over counts one;
/// when the group is split, each child placed further than <c>near_miles</c> from their family-time venue
/// counts <c>far_child</c> more (split siblings near each other cost less). Scored on the whole group.
/// </summary>
internal static class SiblingSplit
{
    public static readonly RuleInfo Definition = new(
        "sibling_split", "S6", RuleKind.Soft,
        "Sibling split: each extra household a 'may split' group is spread over costs this much; split siblings placed far away cost more",
        50.0,
        [
            new RuleParameter("near_miles", 10, "a split child placed within this distance of their contact venue counts as near"),
            new RuleParameter("far_child", 0.5, "match weight added per split child placed further than near_miles"),
        ]);

    /// <summary>The group's match weight given how many carers it is spread over and how many of its children are far.</summary>
    public static double MatchWeight(int carersUsed, int farChildren, double farChild) =>
        carersUsed <= 1 ? 0 : (carersUsed - 1) + (farChild * farChildren);

    /// <summary>True when a split child with this contact distance counts as far.</summary>
    public static bool IsFar(double contactMiles, double? nearMiles) =>
        nearMiles is { } near && !double.IsNaN(contactMiles) && contactMiles > near;
}
