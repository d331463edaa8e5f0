using Matching.Model;

namespace Matching.Rules.Hard;

/// <summary>
/// H8: contact travel. The carer lives within the mile limit of the child's contact venue for the placement
/// type (good practice in concurrent planning: no more than 20 miles, with contact up to three times a week).
/// A child with no known venue is not limited (the validator warns).
/// </summary>
internal sealed class ContactDistance : HardRule
{
    public static readonly RuleInfo Definition = new(
        "contact_distance", "H8", RuleKind.Hard,
        "The carer lives within the contact-travel mile limit of the child's contact venue for the placement type",
        null,
        [
            new RuleParameter("concurrent_miles", 20, "limit for concurrent planning placements"),
            new RuleParameter("ffa_miles", 20, "limit for fostering-for-adoption placements"),
            new RuleParameter("adoption_miles", null, "limit for adoption placements (none by default)"),
            new RuleParameter("foster_miles", null, "limit for fostering placements (none by default)"),
        ]);

    private readonly double?[] limits;

    public ContactDistance(RuleContext context)
    {
        var s = context.Settings;
        limits =
        [
            s.ParameterOf(Definition.Id, "concurrent_miles"),
            s.ParameterOf(Definition.Id, "ffa_miles"),
            s.ParameterOf(Definition.Id, "adoption_miles"),
            s.ParameterOf(Definition.Id, "foster_miles"),
        ];
    }

    public override RuleInfo Info => Definition;

    /// <summary>The limit for a placement type in travel miles, or null for none.</summary>
    public double? LimitFor(PlacementType type) => limits[(int)type];

    public override bool Allows(in PairFacts pair) =>
        LimitFor(pair.Child.PlacementType) is not { } limit || double.IsNaN(pair.ContactMiles) || pair.ContactMiles <= limit;
}
