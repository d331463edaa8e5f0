using BenchmarkDotNet.Attributes;
using Matching.Solving;

namespace Matching.Bench.External;

/// <summary>
/// OR-Library and Yagiura GAP instances (nobody here wrote them) solved by the engine's generic solving layer.
/// Needs the shared bench-data; without it there are no cases and nothing runs. Quality against the known values
/// is in report mode (<c>report gap</c>).
/// </summary>
[MemoryDiagnoser]
public class GapBenchmarks
{
    private AssignmentModel model = null!;

    public static IEnumerable<string> Instances => BenchData.Folder("gap") is null ? [] : ["c0515_1", "c1060_5", "c10200", "a20200"];

    [ParamsSource(nameof(Instances))]
    public string Instance { get; set; } = "c0515_1";

    [GlobalSetup]
    public void Setup() => model = ExternalModels.FromGap(GapCatalogue.ByName(BenchData.Folder("gap")!, Instance), maximise: false);

    [Benchmark(Description = "GAP (Min): generic layer")]
    public long Solve() =>
        AssignmentSolver.Solve(model, new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(10) }, CancellationToken.None).Score;
}
