using Matching.Model;

namespace Matching.Rules.Hard;

/// <summary>
/// H5: permanence placements (concurrent, FfA, adoption) go to a household with no child placed, and one
/// sibling group only. The "one group only" half is structural (enforced by the solver across children).
/// </summary>
internal sealed class PermanenceSolePlacement : HardRule
{
    public static readonly RuleInfo Definition = new(
        "permanence_sole_placement", "H5", RuleKind.Hard,
        "Concurrent, FfA and adoption placements go to a household with no child placed, and one sibling group only",
        null, []);

    public override RuleInfo Info => Definition;

    public static bool IsPermanence(PlacementType type) => type != PlacementType.Foster;

    public override bool Allows(in PairFacts pair) => !IsPermanence(pair.Child.PlacementType) || pair.Carer.Placed == 0;
}
