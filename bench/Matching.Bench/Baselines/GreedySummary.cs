namespace Matching.Bench.Baselines;

/// <summary>The headline of one engine-vs-greedy comparison (engine minus greedy, mean ± 95% CI over seeds).</summary>
internal sealed record GreedySummary(string Scenario, int Seeds, string PlacedDifference, string MilesDifference, string IdentityDifference);
