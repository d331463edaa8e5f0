namespace Matching.Bench.Baselines;

/// <summary>One engine-vs-naive CP-SAT comparison on one batch.</summary>
internal sealed record NaiveSummary
{
    public required string Scenario { get; init; }

    public required int Seed { get; init; }

    public required double EngineMs { get; init; }

    public required string EngineStatus { get; init; }

    public required int EnginePlaced { get; init; }

    public required double EngineScore { get; init; }

    public required double NaiveBuildMs { get; init; }

    public required double NaiveSolveMs { get; init; }

    public required string NaiveStatus { get; init; }

    public required int NaivePlaced { get; init; }

    public required double NaiveScore { get; init; }

    public required long NaiveBooleans { get; init; }

    public required double NaiveLimitSeconds { get; init; }

    public required bool SameOptimum { get; init; }

    public required int Violations { get; init; }

    public double PeakWorkingSetMb { get; init; }

    public double Speedup => (NaiveBuildMs + NaiveSolveMs) / Math.Max(EngineMs, 0.001);
}
