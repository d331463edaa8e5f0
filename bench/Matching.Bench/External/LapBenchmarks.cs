using BenchmarkDotNet.Attributes;
using Matching.Bench.Baselines;
using Matching.Solving;

namespace Matching.Bench.External;

/// <summary>
/// The pure one-to-one case: OR-Library linear assignment through the engine's generic layer against raw OR-Tools
/// LinearSumAssignment (the ratio is our overhead). Both include building their model. Needs the shared bench-data.
/// </summary>
[MemoryDiagnoser]
public class LapBenchmarks
{
    private LapInstance lap = null!;

    public static IEnumerable<string> Instances => BenchData.Folder("lap") is null ? [] : ["assign800", "assignp5000"];

    [ParamsSource(nameof(Instances))]
    public string Instance { get; set; } = "assign800";

    [GlobalSetup]
    public void Setup() => lap = LapCatalogue.All(BenchData.Folder("lap")!).Single(e => e.Name == Instance).Load();

    [Benchmark(Baseline = true, Description = "raw LinearSumAssignment")]
    public long? Raw() => RawLinearSumAssignment.Solve(lap);

    [Benchmark(Description = "engine generic layer")]
    public long Engine() =>
        AssignmentSolver.Solve(ExternalModels.FromLap(lap), new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }, CancellationToken.None).Score;
}
