using System.Globalization;
using System.Text;
using Matching.Bench.Baselines;
using Matching.Bench.External;
using Matching.Bench.Infrastructure;
using Matching.Bench.Scenarios;

namespace Matching.Bench.Reports;

/// <summary>
/// Builds the headline table (targets against what was measured) and the scenario and naive tables from the raw
/// JSON the report runs left in results/raw. A figure that was not measured says "not run".
/// </summary>
internal static class Summary
{
    private const string NotRun = "not run";

    public static string Headline()
    {
        var scenarios = ScenarioSpec.All.ToDictionary(s => s.Name, s => ResultsFolder.ReadRaw<ScenarioMeasurement>("scenario-" + s.Name), StringComparer.Ordinal);
        var naiveL = ResultsFolder.ReadRaw<NaiveSummary>("naive-L-1");
        var gapSmall = ResultsFolder.ReadRaw<GapSummary>("gap-small");
        var gapLarge = ResultsFolder.ReadRaw<GapSummary>("gap-large");
        var table = new MarkdownTable("target (2-core machine)", "measured", "met");
        var bdn = BenchmarkDotNetMeans();
        foreach (var spec in ScenarioSpec.All.Where(s => s.TargetSeconds is not null))
        {
            var m = scenarios[spec.Name];
            double? warm = bdn.TryGetValue(("candidates + solve", spec.Name), out var w) ? w : null;
            double? warmExplain = bdn.TryGetValue(("candidates + solve + explain", spec.Name), out var we) ? we : null;
            var target = string.Create(CultureInfo.InvariantCulture, $"{spec.Name} ({spec.Size}) solve ≤ {Seconds(spec.TargetSeconds!.Value)}")
                + (spec.TargetOptimal ? ", proved optimal" : "") + (spec.Name == "XXL" ? ", within 4 GB" : "");
            if (m is null)
            {
                table.Add(target, NotRun, NotRun);
                continue;
            }

            if (m.Status.StartsWith("stopped", StringComparison.Ordinal) || m.Status.StartsWith("failed", StringComparison.Ordinal))
            {
                table.Add(target, m.Status, "no: " + m.Status);
                continue;
            }

            // Speed is judged by BenchmarkDotNet's steady-state mean (candidates and solve) where it was run; else by
            // the single report-mode run, whose first solve in a fresh process also pays the native solvers' start-up.
            var within = m.Status is "Optimal" or "Feasible"
                && (m.ChildrenPlaced > 0 || m.Children == 0)
                && (warm ?? m.SolveMs) <= spec.TargetSeconds.Value * 1000
                && (!spec.TargetOptimal || m.Status == "Optimal")
                && (spec.Name != "XXL" || m.PeakWorkingSetMb <= 4096);
            var wholeRatio = (warm ?? m.EngineMs) / (spec.TargetSeconds.Value * 1000); // the benchmark times the whole engine call
            table.Add(target,
                (warm is { } mean ? string.Create(CultureInfo.InvariantCulture, $"BenchmarkDotNet mean: candidates + solve {Ms(mean)}") + (warmExplain is { } me ? string.Create(CultureInfo.InvariantCulture, $", with explanations {Ms(me)}") : "") + "; first run in a fresh process: " : "")
                + string.Create(CultureInfo.InvariantCulture, $"solve {Ms(m.SolveMs)} ({m.Status.ToLowerInvariant()}, {m.ChildrenPlaced:N0} of {m.Children:N0} placed{(m.CandidatesPruned ? ", candidates pruned" : "")}); whole engine call {Ms(m.EngineMs)}; peak working set {m.PeakWorkingSetMb:N0} MB"),
                !within ? Missed(m, spec)
                    : wholeRatio <= 1 ? "yes"
                    : string.Create(CultureInfo.InvariantCulture, $"solve phase yes; the whole engine call is {wholeRatio:N1}x over"));
        }

        // The explanation issue's target: exact shortlists (and every other reason) for a weekly batch in about a second.
        foreach (var spec in new[] { ScenarioSpec.M, ScenarioSpec.MF, ScenarioSpec.MF8, ScenarioSpec.MF10 })
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"{spec.Name} ({spec.Size}, {spec.Title}) exact shortlists and reasons in about a second");
            if (scenarios[spec.Name] is not { ExplainMs: { } explain } m)
            {
                table.Add(target, NotRun, NotRun);
                continue;
            }

            var exact = m.ExplainNote.Contains(": 0 not proved, 0 in rankings cut short, 0 estimated", StringComparison.Ordinal);
            double? warmExplain = bdn.TryGetValue(("candidates + solve + explain", spec.Name), out var we) ? we : null;
            table.Add(target,
                (warmExplain is { } me ? string.Create(CultureInfo.InvariantCulture, $"BenchmarkDotNet mean of the whole engine call with explanations {Ms(me)}; ") : "")
                + string.Create(CultureInfo.InvariantCulture, $"explanation phase, first run in a fresh process: {m.ExplainNote}"),
                !exact ? "no: not every price exact"
                    : (warmExplain ?? explain) <= WeeksReport.AboutASecondMs ? "yes"
                    : string.Create(CultureInfo.InvariantCulture, $"no: every price exact, {(warmExplain ?? explain) / 1_000:N1} s"));
        }

        // The same target over many generated weeks, not one: how often a week of this shape meets it.
        if (ResultsFolder.ReadRaw<List<WeeksReport.Week>>("weeks") is { Count: > 0 } weeks)
        {
            var (sorted, exact, within) = WeeksReport.Figures(weeks);
            table.Add(string.Create(CultureInfo.InvariantCulture, $"{weeks.Count} generated regional weeks (100 x 500: {weeks.Count(w => w.Name.StartsWith("FW", StringComparison.Ordinal))} fostering, {weeks.Count(w => w.Name.StartsWith("XW", StringComparison.Ordinal))} mixed) exact shortlists and reasons in about a second"),
                string.Create(CultureInfo.InvariantCulture, $"explanation phase, steady state (weeks.md): median {Ms(WeeksReport.Quantile(sorted, 0.5))}, slowest {Ms(sorted[^1])}; every price exact in {exact} of {weeks.Count}"),
                exact < weeks.Count ? "no: not every price exact"
                    : within == weeks.Count ? "yes"
                    : string.Create(CultureInfo.InvariantCulture, $"{within} of {weeks.Count} weeks within {Ms(WeeksReport.AboutASecondMs)}; the others {string.Join(", ", weeks.Where(w => w.ExplainMs > WeeksReport.AboutASecondMs).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} {Ms(w.ExplainMs)}")))}"));
        }

        table.Add("≥ 10x faster than the naive CP-SAT model at L, same optimum",
            naiveL is null ? NotRun : string.Create(CultureInfo.InvariantCulture,
                $"engine {Ms(naiveL.EngineMs)} vs naive {Ms(naiveL.NaiveBuildMs + naiveL.NaiveSolveMs)} ({naiveL.NaiveStatus.ToLowerInvariant()}, limit {naiveL.NaiveLimitSeconds:N0} s): {naiveL.Speedup:N1}x; same optimum: {(naiveL.SameOptimum ? "yes" : "no")}"),
            naiveL is null ? NotRun : naiveL.Speedup >= 10 && naiveL.SameOptimum ? "yes" : NaiveMiss(naiveL));
        table.Add("all 60 gap1-12 proved optimal (both senses: 120 solves)",
            gapSmall is null ? NotRun : string.Create(CultureInfo.InvariantCulture, $"{gapSmall.Hits} of {gapSmall.Instances}; slowest {gapSmall.MaxSeconds:N2} s") + (gapSmall.Note is null ? "" : "; " + gapSmall.Note),
            gapSmall is null ? NotRun : gapSmall.Hits == gapSmall.Expected ? "yes" : string.Create(CultureInfo.InvariantCulture, $"no: {gapSmall.Expected - gapSmall.Hits} short (see gap.md)"));
        table.Add("types a-e within 0.5% of best known at 10 s each",
            gapLarge is null ? NotRun : string.Create(CultureInfo.InvariantCulture, $"{gapLarge.Hits} of {gapLarge.Instances} (limit {gapLarge.LimitSeconds:N0} s)") + (gapLarge.Note is null ? "" : "; " + gapLarge.Note),
            gapLarge is null ? NotRun : gapLarge.Hits == gapLarge.Expected ? "yes" : string.Create(CultureInfo.InvariantCulture, $"no: {gapLarge.Expected - gapLarge.Hits} outside (see gap.md)"));
        foreach (var spec in ScenarioSpec.All.Where(s => s.Name != "L"))
        {
            var n = ResultsFolder.ReadRaw<NaiveSummary>("naive-" + spec.Name + "-1");
            if (n is not null)
            {
                table.Add(string.Create(CultureInfo.InvariantCulture, $"engine vs naive CP-SAT at {spec.Name} (context for the L target)"),
                    string.Create(CultureInfo.InvariantCulture,
                        $"engine {Ms(n.EngineMs)} ({n.EngineStatus.ToLowerInvariant()}) vs naive {Ms(n.NaiveBuildMs + n.NaiveSolveMs)} ({n.NaiveStatus.ToLowerInvariant()}): {n.Speedup:N1}x; same optimum: {(n.SameOptimum ? "yes" : "no")}"),
                    "(no target)");
            }
        }

        foreach (var spec in ScenarioSpec.All)
        {
            var g = ResultsFolder.ReadRaw<GreedySummary>("greedy-" + spec.Name);
            if (g is not null)
            {
                table.Add(string.Create(CultureInfo.InvariantCulture, $"engine vs greedy at {spec.Name} ({g.Seeds} seeds, engine minus greedy, 95% CI)"),
                    $"children placed {g.PlacedDifference}; contact miles per child {g.MilesDifference}; identity matches {g.IdentityDifference}", "(quality, no target)");
            }
        }

        return table.ToString();
    }

    /// <summary>Mean times (ms) by (benchmark, scenario) from the scenario suite's BenchmarkDotNet report in results/bdn, if run.</summary>
    private static Dictionary<(string Method, string Scenario), double> BenchmarkDotNetMeans()
    {
        var means = new Dictionary<(string, string), double>();
        var file = Path.Combine(ResultsFolder.Path, "bdn", "results", "Matching.Bench.Scenarios.ScenarioBenchmarks-report-github.md");
        if (!File.Exists(file))
        {
            return means;
        }

        // BenchmarkDotNet bolds the first row of each parameter group ("**988.4 μs**").
        var rows = File.ReadAllLines(file).Where(l => l.StartsWith('|')).Select(l => l.Split('|').Select(c => c.Replace("**", "", StringComparison.Ordinal).Trim()).ToArray()).ToArray();
        var header = rows[0];
        int method = Array.IndexOf(header, "Method"), scenario = Array.IndexOf(header, "Scenario"), mean = Array.IndexOf(header, "Mean");
        foreach (var cells in rows.Skip(2).Where(r => r.Length == header.Length))
        {
            var parts = cells[mean].Replace(",", "", StringComparison.Ordinal).Split(' ');
            var unit = parts[1] switch { "s" => 1000, "ms" => 1, "μs" or "us" => 0.001, _ => double.NaN };
            means[(System.Net.WebUtility.HtmlDecode(cells[method]).Trim('\''), cells[scenario])] = double.Parse(parts[0], CultureInfo.InvariantCulture) * unit;
        }

        return means;
    }

    public static string ScenarioTable()
    {
        var table = new MarkdownTable("scenario", "batch", "load", "prepare", "candidates", "solve", "explain", "engine call", "status", "placed", "candidate pairs", "components (flow / CP-SAT / LP / MIP)", "allocated", "peak working set");
        foreach (var spec in ScenarioSpec.All)
        {
            var m = ResultsFolder.ReadRaw<ScenarioMeasurement>("scenario-" + spec.Name);
            if (m is null)
            {
                table.Add(spec.Name, spec.Title + ", " + spec.Size, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun);
                continue;
            }

            if (m.Status.StartsWith("stopped", StringComparison.Ordinal) || m.Status.StartsWith("failed", StringComparison.Ordinal))
            {
                table.Add(spec.Name, spec.Title + ", " + spec.Size, NotRun, NotRun, NotRun, NotRun, NotRun, NotRun, m.Status, NotRun, NotRun, NotRun, NotRun,
                    m.PeakWorkingSetMb > 0 ? string.Create(CultureInfo.InvariantCulture, $"> {m.PeakWorkingSetMb:N0} MB") : NotRun);
                continue;
            }

            table.Add(spec.Name, spec.Title + ", " + spec.Size,
                m.LoadMs is { } load ? Ms(load) : NotRun, Ms(m.PrepareMs), Ms(m.CandidatesMs), Ms(m.SolveMs), m.ExplainMs is { } e ? Ms(e) : m.ExplainNote, Ms(m.EngineMs),
                m.Status.ToLowerInvariant() + (m.Violations.Count > 0 ? $" ({m.Violations.Count} violations!)" : ""),
                string.Create(CultureInfo.InvariantCulture, $"{m.ChildrenPlaced:N0} of {m.Children:N0}"),
                MarkdownTable.Num(m.CandidatePairs) + (m.CandidatesPruned ? " (pruned)" : ""),
                string.Create(CultureInfo.InvariantCulture, $"{m.Components:N0} ({m.FlowComponents:N0} / {m.CpSatComponents:N0} / {m.LpComponents:N0} / {m.MipComponents:N0})"),
                string.Create(CultureInfo.InvariantCulture, $"{m.AllocatedMb:N0} MB"),
                string.Create(CultureInfo.InvariantCulture, $"{m.PeakWorkingSetMb:N0} MB"));
        }

        return table.ToString();
    }

    public static string NaiveTable()
    {
        var table = new MarkdownTable("batch", "seed", "engine", "engine status", "naive build", "naive solve", "naive status", "booleans", "placed (engine / naive)", "score (engine / naive)", "same optimum", "speed-up");
        var files = Directory.EnumerateFiles(Path.Combine(ResultsFolder.Path, "raw"), "naive-*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => ResultsFolder.ReadRaw<NaiveSummary>(n)!)
            .OrderBy(n => ScenarioSpec.All.IndexOf(ScenarioSpec.ByName(n.Scenario))).ThenBy(n => n.Seed);
        foreach (var n in files)
        {
            table.Add(n.Scenario, n.Seed.ToString(CultureInfo.InvariantCulture), Ms(n.EngineMs), n.EngineStatus.ToLowerInvariant(),
                Ms(n.NaiveBuildMs), Ms(n.NaiveSolveMs), n.NaiveStatus.ToLowerInvariant(), MarkdownTable.Num(n.NaiveBooleans),
                string.Create(CultureInfo.InvariantCulture, $"{n.EnginePlaced} / {n.NaivePlaced}"),
                string.Create(CultureInfo.InvariantCulture, $"{n.EngineScore:F3} / {n.NaiveScore:F3}"),
                n.SameOptimum ? "yes" : "no", string.Create(CultureInfo.InvariantCulture, $"{n.Speedup:N1}x"));
        }

        return table.RowCount == 0 ? NotRun + "\n" : table.ToString();
    }

    private static string Missed(ScenarioMeasurement m, ScenarioSpec spec)
    {
        var reasons = new List<string>();
        if (m.SolveMs > spec.TargetSeconds!.Value * 1000)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{m.SolveMs / (spec.TargetSeconds.Value * 1000):N1}x over time"));
        }

        if (m.Status is "Optimal" or "Feasible" && m.ChildrenPlaced == 0 && m.Children > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the plan places none of the {m.Children:N0} children"));
        }

        if (m.Status is not ("Optimal" or "Feasible"))
        {
            reasons.Add("no plan found within the limit");
        }
        else if (spec.TargetOptimal && m.Status != "Optimal")
        {
            reasons.Add("optimality not proved");
        }

        if (spec.Name == "XXL" && m.PeakWorkingSetMb > 4096)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{m.PeakWorkingSetMb - 4096:N0} MB over 4 GB"));
        }

        return "no: " + string.Join("; ", reasons);
    }

    private static string NaiveMiss(NaiveSummary n)
    {
        var reasons = new List<string>();
        if (n.Speedup < 10)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"only {n.Speedup:N1}x"));
        }

        if (!n.SameOptimum)
        {
            reasons.Add(n.NaiveStatus == "Optimal" ? "different optimum" : "naive found no optimum within its limit");
        }

        return "no: " + string.Join("; ", reasons);
    }

    private static string Ms(double ms) => ms >= 10_000
        ? (ms / 1000).ToString("N1", CultureInfo.InvariantCulture) + " s"
        : ms.ToString(ms < 10 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(double s) => s < 1 ? (s * 1000).ToString("N0", CultureInfo.InvariantCulture) + " ms" : s.ToString("N0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Writes results/README.md (headline, scenarios, naive) and returns the headline markdown.</summary>
    public static string WriteAll()
    {
        var headline = Headline();
        var sb = new StringBuilder();
        sb.Append("# Performance results\n\n");
        sb.Append("Measured with `bench/run.sh` (see `bench/README.md`). Figures are from single runs on a shared 2-core machine; ")
          .Append("a cell that was not measured says \"not run\". Details: scenarios below, `greedy.md`, `gap.md`, `lap.md`, ")
          .Append("BenchmarkDotNet reports under `bdn/` when run, logs under `logs/`. **Why targets were missed, and what would fix it: ")
          .Append("[`analysis.md`](analysis.md).**\n\n");
        sb.Append(MachineInfo.Describe()).Append('\n');
        sb.Append("## Headline: targets\n\n").Append(headline).Append('\n');
        sb.Append("## Scenarios: phases and memory (seed 1, one run each, each scenario in its own process)\n\n")
          .Append("load = reading and validating children.csv and carers.csv; candidates, solve, explain = the engine's own phase timings; ")
          .Append("engine call = the whole `MatchingEngine.Solve` without explanations; explain = the explanation phase of a second ")
          .Append("run with explanations (exact shortlists re-solve the batch once per alternative), under its own limit. ")
          .Append("Peak working set is of the process that ran only that scenario (generation, both runs included).\n\n")
          .Append(ScenarioTable()).Append('\n');
        sb.Append("## Naive CP-SAT model vs engine\n\n")
          .Append("The naive model: one boolean per child and carer, every rule as a constraint, no pruning, no decomposition, no flow, ")
          .Append("one big-M weighted objective; 2 workers. Times: engine = whole engine call without explanations; naive = judging every ")
          .Append("pair and building the model, then CP-SAT. Both plans are scored by the bench's independent evaluator.\n\n")
          .Append(NaiveTable()).Append('\n');
        ResultsFolder.WriteMarkdown("README.md", sb.ToString());
        return headline;
    }
}
