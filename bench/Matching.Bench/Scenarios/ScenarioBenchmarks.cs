using BenchmarkDotNet.Attributes;
using Matching.Io;
using Matching.Model;

namespace Matching.Bench.Scenarios;

/// <summary>
/// Solve times by scenario and phase: load (read and validate the CSV files), solve without explanations, and
/// solve with explanations (the difference is the explanation phase). XL and XXL run once each in report mode
/// instead (peak working set, a process of their own).
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private MatchingProblem problem = null!;
    private ScenarioSpec spec = null!;
    private (string Directory, string Children, string Carers) files;

    /// <summary>S, M and L, or the comma-separated list (M,MF,MF8,MF10 for the shortlists' speed) in MATCHING_BENCH_SCENARIOS (a smoke run uses S).</summary>
    public static IEnumerable<string> Scenarios => ScenarioSpec.FromEnvironment(["S", "M", "L"]);

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        spec = ScenarioSpec.ByName(Scenario);
        problem = spec.Problem(spec.Seed);
        files = BatchLoad.Files(spec, spec.Seed);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(files.Directory, recursive: true);

    [Benchmark(Description = "load")]
    public MatchingProblem? Load() =>
        BatchReader.Read(new BatchFiles { Children = files.Children, Carers = files.Carers }, spec.Day).Problem;

    [Benchmark(Description = "candidates + solve")]
    public MatchingResult Solve() => new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, Explain = false });

    [Benchmark(Description = "candidates + solve + explain")]
    public MatchingResult SolveAndExplain() => new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, Explain = true });
}
