using System.Diagnostics;
using System.Globalization;
using System.Text;
using Matching.Bench.Baselines;
using Matching.Bench.Infrastructure;
using Matching.Solving;

namespace Matching.Bench.External;

/// <summary>
/// The pure one-to-one case: OR-Library linear assignment instances solved by the engine's generic layer and by
/// raw OR-Tools LinearSumAssignment, both against the known optimum; the ratio is our overhead.
/// </summary>
internal static class LapReport
{
    public static string? Run(TextWriter log)
    {
        var dir = SharedData.Folder(Path.Combine("bench-data", "lap"), out var why);
        if (dir is null)
        {
            log.WriteLine(why);
            return null;
        }

        var sb = new StringBuilder();
        sb.Append("# Linear assignment (OR-Library assign*): engine vs raw LinearSumAssignment\n\n");
        sb.Append("Both solve the same instance (minimise total cost of a perfect matching, forbidden arcs left out). ")
          .Append("Times include building each solver's model from the parsed instance (parsing excluded), best of 3 runs. ")
          .Append("Optima: shared `bench-data/lap/optimal.csv`.\n\n");
        sb.Append(MachineInfo.Describe()).Append('\n');
        var table = new MarkdownTable("instance", "n", "arcs", "optimum", "raw LSA", "raw LSA (ms)", "engine", "engine (ms)", "engine method", "overhead");
        foreach (var entry in LapCatalogue.All(dir))
        {
            var lap = entry.Load();
            var (raw, rawTime) = BestOf(3, () => RawLinearSumAssignment.Solve(lap));
            var (ours, oursTime, method) = Engine(lap);
            table.Add(
                entry.Name, MarkdownTable.Num(lap.Size), MarkdownTable.Num(lap.ArcCount), MarkdownTable.Num(entry.Optimum),
                Mark(raw, entry.Optimum), MarkdownTable.Ms(rawTime),
                Mark(ours, entry.Optimum), MarkdownTable.Ms(oursTime), method,
                MarkdownTable.Num(oursTime.TotalMilliseconds / Math.Max(rawTime.TotalMilliseconds, 0.001), 1) + "x");
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{entry.Name}: raw {raw} in {rawTime.TotalMilliseconds:F1} ms, engine {ours} in {oursTime.TotalMilliseconds:F1} ms ({method}), optimum {entry.Optimum}"));
        }

        sb.Append(table).Append('\n');
        sb.Append("A value marked ✓ equals the known optimum.\n");
        return sb.ToString();
    }

    private static (long? Value, TimeSpan Time, string Method) Engine(LapInstance lap)
    {
        long? value = null;
        var method = "";
        var (_, time) = BestOf(3, () =>
        {
            var model = ExternalModels.FromLap(lap);
            var solution = AssignmentSolver.Solve(model, new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }, CancellationToken.None);
            method = solution.Method;
            value = solution.Status is SolveStatus.Optimal or SolveStatus.Feasible && solution.Value == lap.Size ? -solution.Score : null;
            return value;
        });
        return (value, time, method);
    }

    private static (long? Value, TimeSpan Time) BestOf(int runs, Func<long?> solve)
    {
        long? value = null;
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            value = solve();
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return (value, best);
    }

    private static string Mark(long? value, long optimum) =>
        value is not { } v ? "none" : MarkdownTable.Num(v) + (v == optimum ? " ✓" : " ✗");
}
