using System.Diagnostics;
using System.Globalization;
using System.Text;
using Matching.Bench.Infrastructure;
using Matching.Solving;

namespace Matching.Bench.External;

/// <summary>
/// Solves the GAP sets with the engine's generic solving layer and compares each value with the known optimum
/// or best known value: gap1..12 in both senses (OR-Library publishes Max, the literature also uses Min), a..e in Min.
/// </summary>
internal static class GapReport
{
    /// <summary>Runs the selection ("small", "large" or "all") and returns the markdown, or null when skipped.</summary>
    public static string? Run(string selection, TimeSpan largeLimit, TextWriter log)
    {
        var dir = SharedData.Folder(Path.Combine("bench-data", "gap"), out var why);
        if (dir is null)
        {
            log.WriteLine(why);
            return null;
        }

        var known = KnownValue.ReadGap(Path.Combine(dir, "known_values.csv"));
        var sb = new StringBuilder();
        sb.Append("# Generalized assignment (OR-Library and Yagiura GAP instances)\n\n");
        sb.Append("Solved by the engine's generic solving layer (`AssignmentSolver`, the same code that solves batches): ")
          .Append("item = job, bin = agent, an arc for every pair with load a[i][j] and score -c[i][j] (Min) or +c[i][j] (Max), ")
          .Append("every item its own family, every item must be placed. Every value below was re-checked against the instance ")
          .Append("(capacities kept, cost recomputed). Known values: shared `bench-data/gap/known_values.csv`. ")
          .Append("The limit is the engine's time limit: instances of up to 400 pairs go to its CP-SAT back end, which applies it as deterministic time ")
          .Append("(wall-clock cap 4x the limit + 1 s), larger ones to the relaxation back end (GLOP's linear relaxation, then SCIP on a reduced-cost core ")
          .Append("with the time left), which applies it as wall-clock time to each solver call but not to building the models, so the largest ")
          .Append("instances overrun it by up to several seconds; one thread each (method `mip`). The time column is wall-clock, model building included.\n\n");
        sb.Append(MachineInfo.Describe()).Append('\n');

        if (selection is "small" or "all")
        {
            var small = GapCatalogue.Small(dir);
            var smallLimit = TimeSpan.FromSeconds(60);
            sb.Append("## gap1-gap12 (60 instances, both senses, limit ")
              .Append(smallLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append(" s each)\n\n");
            var rows = new List<Row>();
            foreach (var max in new[] { true, false })
            {
                rows.AddRange(small.Select(e => Solve(e, max, known, smallLimit, log)));
            }

            Func<Row, bool> optimal = r => r.Proved && r.Ours == r.Known.BestKnown;
            sb.Append(Summary(rows, "proved optimal and equal to the known optimum", optimal, 60 * 2));
            ResultsFolder.WriteRaw("gap-small", new GapSummary(
                "gap1-gap12 (Max and Min)", rows.Count, rows.Count(optimal), "proved optimal = known optimum", 120, smallLimit.TotalSeconds, rows.Max(r => r.Time.TotalSeconds)));
            sb.Append(Table(rows));
        }

        if (selection is "large" or "all")
        {
            var large = GapCatalogue.Large(dir);
            sb.Append("## Types a-e (").Append(large.Count.ToString(CultureInfo.InvariantCulture)).Append(" instances, Min, limit ")
              .Append(largeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append(" s each)\n\n");
            var rows = large.Select(e => Solve(e, false, known, largeLimit, log)).ToList();
            Func<Row, bool> close = r => r.Ours is not null && r.DeviationPercent <= 0.5;
            sb.Append(Summary(rows, "within 0.5% of the best known value", close, rows.Count));
            ResultsFolder.WriteRaw("gap-large", new GapSummary(
                "types a-e (Min)", rows.Count, rows.Count(close), "within 0.5% of best known", rows.Count, largeLimit.TotalSeconds, rows.Max(r => r.Time.TotalSeconds)));
            sb.Append(Summary(rows, "proved optimal", r => r.Proved, rows.Count));
            foreach (var type in rows.GroupBy(r => r.Entry.Set).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var devs = type.Where(r => r.Ours is not null).Select(r => r.DeviationPercent).ToList();
                sb.Append("- ").Append(type.Key).Append(": mean deviation ")
                  .Append(devs.Count == 0 ? "n/a" : MarkdownTable.Num(devs.Average(), 3) + "%")
                  .Append(", worst ").Append(devs.Count == 0 ? "n/a" : MarkdownTable.Num(devs.Max(), 3) + "%")
                  .Append(", mean time ").Append(MarkdownTable.Num(type.Average(r => r.Time.TotalSeconds), 2)).Append(" s\n");
            }

            sb.Append('\n').Append(Table(rows));
        }

        return sb.ToString();
    }

    private static Row Solve(GapEntry entry, bool max, IReadOnlyDictionary<(string, bool), KnownValue> known, TimeSpan limit, TextWriter log)
    {
        var gap = entry.Instance;
        if (!known.TryGetValue((gap.Name, max), out var k))
        {
            throw new InvalidDataException($"known_values.csv has no {(max ? "Max" : "Min")} row for {gap.Name}");
        }

        var watch = Stopwatch.StartNew();
        var model = ExternalModels.FromGap(gap, max);
        var solution = AssignmentSolver.Solve(model, new AssignmentSolverOptions { TimeLimit = limit, Seed = 0 }, CancellationToken.None);
        watch.Stop();
        long? ours = null;
        if (solution.Status is SolveStatus.Optimal or SolveStatus.Feasible && solution.Value == gap.Jobs)
        {
            var agents = ExternalModels.BinOfItem(model, solution);
            ours = gap.Evaluate(agents) ?? throw new InvalidOperationException($"{gap.Name}: the solver returned a plan that breaks a capacity");
            var reported = max ? solution.Score : -solution.Score;
            if (reported != ours)
            {
                throw new InvalidOperationException($"{gap.Name}: solver score {reported} but the plan costs {ours}");
            }
        }

        var row = new Row(entry, max, k, ours, solution.Status == SolveStatus.Optimal, solution.Status, solution.Method, watch.Elapsed);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{gap.Name} {(max ? "Max" : "Min")}: {ours?.ToString(CultureInfo.InvariantCulture) ?? "none"} vs {k.BestKnown} ({solution.Status}, {watch.Elapsed.TotalSeconds:F2} s)"));
        return row;
    }

    private static string Summary(List<Row> rows, string what, Func<Row, bool> ok, int expected)
    {
        var hits = rows.Count(ok);
        return string.Create(CultureInfo.InvariantCulture, $"**{hits} of {rows.Count}** {what} (expected {expected}).\n\n");
    }

    private static string Table(List<Row> rows)
    {
        var table = new MarkdownTable("instance", "set", "sense", "m x n", "known", "ours", "status", "deviation", "time (s)", "method");
        foreach (var r in rows)
        {
            var g = r.Entry.Instance;
            table.Add(
                g.Name, r.Entry.Set, r.Max ? "Max" : "Min",
                string.Create(CultureInfo.InvariantCulture, $"{g.Agents} x {g.Jobs}"),
                r.Known.Optimal ? r.Known.BestKnown.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"[{r.Known.LowerBound}, {r.Known.UpperBound}]"),
                r.Ours?.ToString(CultureInfo.InvariantCulture) ?? "none",
                r.Proved ? "proved optimal" : r.Status.ToString().ToLowerInvariant(),
                r.Ours is null ? "n/a" : MarkdownTable.Num(r.DeviationPercent, 3) + "%",
                MarkdownTable.Num(r.Time.TotalSeconds, 2),
                r.Method);
        }

        return table + "\n";
    }

    private sealed record Row(GapEntry Entry, bool Max, KnownValue Known, long? Ours, bool Proved, SolveStatus Status, string Method, TimeSpan Time)
    {
        /// <summary>How much worse than the best known value, in percent (negative would beat it).</summary>
        public double DeviationPercent => Ours is not { } v ? double.NaN
            : 100.0 * (Max ? Known.BestKnown - v : v - Known.BestKnown) / Known.BestKnown;
    }
}
