using BenchmarkDotNet.Attributes;
using Matching.Bench.Scenarios;
using Matching.Model;

namespace Matching.Bench.Baselines;

/// <summary>
/// The engine against its baselines on the same batch: greedy placement and the naive CP-SAT model. The naive
/// model at L runs once in report mode (it takes minutes), not here.
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private MatchingProblem problem = null!;
    private BatchView view = null!;

    /// <summary>S and M, or the comma-separated list in MATCHING_BENCH_SCENARIOS.</summary>
    public static IEnumerable<string> Scenarios => ScenarioSpec.FromEnvironment(["S", "M"]);

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        problem = ScenarioSpec.ByName(Scenario).Problem(1);
        view = new BatchView(problem);
    }

    [Benchmark(Baseline = true, Description = "engine")]
    public MatchingResult Engine() => new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, Explain = false });

    [Benchmark(Description = "greedy")]
    public int GreedyPlacement() => Greedy.Solve(view).CarerOf.Count;

    [Benchmark(Description = "naive CP-SAT")]
    public int Naive() => NaiveCpSat.Solve(view, TimeSpan.FromSeconds(120), workers: 2, seed: 0).Plan.CarerOf.Count;
}
