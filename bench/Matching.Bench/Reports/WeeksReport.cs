using System.Globalization;
using System.Text;
using Matching.Bench.Infrastructure;
using Matching.Bench.Scenarios;
using Matching.Generation;

namespace Matching.Bench.Reports;

/// <summary>
/// The explanation phase over many generated regional weeks (<see cref="ScenarioSpec.Week"/>), not one: how long
/// exact shortlists take across weeks of different shapes, and whether every price in each is exact. One process, one
/// untimed warm-up week first, then each week in turn (the fastest of <c>--runs</c>), so the figures are steady-state
/// times of the phase, like BenchmarkDotNet's, not first runs in a fresh process. Written to bench/results/weeks.md.
/// </summary>
internal static class WeeksReport
{
    /// <summary>
    /// The explanation issue's "about a second", as the headline judges it (for the named scenarios too): an
    /// explanation phase of at most 1.5 s.
    /// </summary>
    internal const double AboutASecondMs = 1_500;

    /// <summary>One week measured.</summary>
    /// <param name="Name">FW<i>seed</i>, XW<i>seed</i> or AW<i>seed</i>.</param>
    /// <param name="ExplainMs">The explanation phase, fastest run.</param>
    /// <param name="Entries">Shortlist entries.</param>
    /// <param name="NotProved">Entries whose cost is not proved exact.</param>
    /// <param name="CutShort">Entries in a ranking that did not price every carer that could enter it.</param>
    /// <param name="Placed">Children placed.</param>
    internal sealed record Week(string Name, double ExplainMs, int Entries, int NotProved, int CutShort, int Placed);

    /// <summary>The weeks named by the ranges (fostering and mixed seeds), measured; the markdown.</summary>
    public static string Run(IReadOnlyList<int> fostering, IReadOnlyList<int> mixed, int runs, TextWriter log)
    {
        var specs = fostering.Select(s => ScenarioSpec.Week(BatchKind.Fostering, s))
            .Concat(mixed.Select(s => ScenarioSpec.Week(BatchKind.Mixed, s)))
            .ToList();
        if (specs.Count == 0)
        {
            throw new ArgumentException("no weeks named");
        }

        // Untimed: the JIT and the native solvers' start-up, which the first week would otherwise pay.
        _ = Measure(specs[0], 1, log);
        var weeks = specs.Select(spec => Measure(spec, runs, log)).ToList();
        ResultsFolder.WriteRaw("weeks", weeks);
        return Markdown(weeks, runs);
    }

    private static Week Measure(ScenarioSpec spec, int runs, TextWriter log)
    {
        var problem = spec.Problem(spec.Seed);
        Week? best = null;
        for (var r = 0; r < Math.Max(1, runs); r++)
        {
            var result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, Explain = true });
            var week = new Week(
                spec.Name, result.Statistics.PhaseMilliseconds.GetValueOrDefault("explain"), result.Shortlists.Length,
                ShortlistNotes.NotProved(result), ShortlistNotes.CutShort(result), result.ChildrenPlaced);
            best = best is null || week.ExplainMs < best.ExplainMs ? week : best;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best!.Name}: explain {best.ExplainMs:F0} ms, {best.Entries} entries, {best.NotProved} not proved, {best.CutShort} cut short"));
        return best;
    }

    /// <summary>
    /// What the report and the headline say of the weeks: their explanation phases in order, the weeks where every
    /// price is exact and every ranking complete, and those within <see cref="AboutASecondMs"/>.
    /// </summary>
    internal static (double[] Sorted, int Exact, int Within) Figures(IReadOnlyCollection<Week> weeks) => (
        [.. weeks.Select(w => w.ExplainMs).Order()],
        weeks.Count(w => w.NotProved == 0 && w.CutShort == 0),
        weeks.Count(w => w.ExplainMs <= AboutASecondMs));

    private static string Markdown(List<Week> weeks, int runs)
    {
        var (sorted, exact, within) = Figures(weeks);
        double Quantile(double q) => WeeksReport.Quantile(sorted, q);
        var sb = new StringBuilder();
        sb.Append("# Exact shortlists over generated weeks\n\n");
        sb.Append("Each week is the batch of `matching generate --children 100 --carers 500 --seed SEED --kind KIND --region \"North West\" --as-of 2026-11-23` ");
        sb.Append("(FW: fostering, XW: mixed), solved with explanations in one process after an untimed warm-up week");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"; each figure is the explanation phase (shortlists, reasons, what it would take), the fastest of {runs} run{(runs == 1 ? "" : "s")}. "));
        sb.Append("Reproduce with `bench/run.sh` or `dotnet bench/Matching.Bench/bin/Release/net10.0/Matching.Bench.dll report weeks`.\n\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Weeks: {weeks.Count}; every price exact and every ranking complete in {exact}.\n"));
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Explanation phase: median {Ms(Quantile(0.5))}, 75th percentile {Ms(Quantile(0.75))}, 90th {Ms(Quantile(0.9))}, slowest {Ms(sorted[^1])}.\n"));
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Within {Ms(AboutASecondMs)} (\"about a second\", as the headline judges it): {within} of {weeks.Count}; within 1 s: {weeks.Count(w => w.ExplainMs <= 1_000)}.\n\n"));
        var table = new MarkdownTable("week", "explanation phase", "shortlist entries", "not proved", "in rankings cut short", "children placed");
        foreach (var w in weeks)
        {
            table.Add(w.Name, Ms(w.ExplainMs), w.Entries.ToString(CultureInfo.InvariantCulture), w.NotProved.ToString(CultureInfo.InvariantCulture),
                w.CutShort.ToString(CultureInfo.InvariantCulture), w.Placed.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(table).Append('\n').Append(MachineInfo.Describe());
        return sb.ToString();
    }

    /// <summary>The q-quantile of sorted figures: the least with at least that share of them at or below it (the median of 30 is the 15th).</summary>
    internal static double Quantile(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
