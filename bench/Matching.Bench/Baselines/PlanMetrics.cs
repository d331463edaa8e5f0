namespace Matching.Bench.Baselines;

/// <summary>What a plan achieves, measured the same way whichever method made it.</summary>
/// <param name="ChildrenPlaced">Children with a carer.</param>
/// <param name="ScorePoints">Total soft score in points by the engine's independent plan scorer.</param>
/// <param name="ContactMilesTotal">Sum of contact miles over placed children with a known venue.</param>
/// <param name="ContactMilesMean">Mean contact miles over the same children (0 when none).</param>
/// <param name="IdentityMatches">Placed children whose ethnicity, religion and language rules all find no mismatch.</param>
/// <param name="Violations">Hard rules the plan breaks (empty for a valid plan).</param>
internal sealed record PlanMetrics(
    int ChildrenPlaced,
    decimal ScorePoints,
    double ContactMilesTotal,
    double ContactMilesMean,
    int IdentityMatches,
    IReadOnlyList<string> Violations);
