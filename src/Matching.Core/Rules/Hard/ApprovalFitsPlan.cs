using Matching.Model;

namespace Matching.Rules.Hard;

/// <summary>
/// H4: the carer's approval fits the plan. Concurrent needs concurrent; fostering for adoption and adoption
/// need adopter or concurrent; fostering needs foster or concurrent.
/// </summary>
internal sealed class ApprovalFitsPlan : HardRule
{
    public static readonly RuleInfo Definition = new(
        "approval", "H4", RuleKind.Hard,
        "The carer's approval fits the plan: concurrent needs dual approval; FfA and adoption need an adopter; fostering needs a foster carer",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair) => Fits(pair.Child.PlacementType, pair.Carer.Approval);

    public static bool Fits(PlacementType type, Approval approval) => type switch
    {
        PlacementType.Concurrent => approval.HasFlag(Approval.Concurrent),
        PlacementType.Ffa or PlacementType.Adoption => (approval & (Approval.Adopter | Approval.Concurrent)) != 0,
        PlacementType.Foster => (approval & (Approval.Foster | Approval.Concurrent)) != 0,
        _ => false,
    };
}
