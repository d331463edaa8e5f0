using System.Diagnostics;
using System.Globalization;
using Matching.Bench.Infrastructure;
using Matching.Bench.Scenarios;

namespace Matching.Bench.Baselines;

/// <summary>
/// The engine against the naive CP-SAT model on one batch: time (engine call vs naive build + solve) and whether
/// both reach the same optimum (same children placed, same score by the bench's evaluator). Writes raw JSON;
/// the summary renders the table.
/// </summary>
internal static class NaiveReport
{
    public static NaiveSummary Run(ScenarioSpec spec, int seed, TimeSpan engineLimit, TimeSpan naiveLimit, TextWriter log)
    {
        var problem = spec.Problem(seed);
        var view = new BatchView(problem);
        var watch = Stopwatch.StartNew();
        var result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, TimeLimit = engineLimit, Explain = false });
        var engineMs = watch.Elapsed.TotalMilliseconds;
        var engine = PlanEvaluator.Evaluate(view, PlanEvaluator.FromResult(result));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} seed {seed}: engine {result.Status} {engine.ChildrenPlaced} placed, score {engine.ScorePoints:F3} in {engineMs:F0} ms"));

        var naive = NaiveCpSat.Solve(view, naiveLimit, workers: 2, seed: 0);
        var naiveMetrics = PlanEvaluator.Evaluate(view, naive.Plan);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} seed {seed}: naive {naive.Status} {naiveMetrics.ChildrenPlaced} placed, score {naiveMetrics.ScorePoints:F3}, build {naive.Build.TotalMilliseconds:F0} ms, solve {naive.Solve.TotalMilliseconds:F0} ms, {naive.Booleans} booleans"));

        using var self = Process.GetCurrentProcess();
        self.Refresh();

        // Both plans are scored by the engine's plan scorer in exact milli-points: equal optima are equal.
        var same = naiveMetrics.ChildrenPlaced == engine.ChildrenPlaced && naiveMetrics.ScorePoints == engine.ScorePoints;
        var summary = new NaiveSummary
        {
            Scenario = spec.Name,
            Seed = seed,
            EngineMs = engineMs,
            EngineStatus = result.Status.ToString(),
            EnginePlaced = engine.ChildrenPlaced,
            EngineScore = (double)engine.ScorePoints,
            NaiveBuildMs = naive.Build.TotalMilliseconds,
            NaiveSolveMs = naive.Solve.TotalMilliseconds,
            NaiveStatus = naive.Status,
            NaivePlaced = naiveMetrics.ChildrenPlaced,
            NaiveScore = (double)naiveMetrics.ScorePoints,
            NaiveBooleans = naive.Booleans,
            NaiveLimitSeconds = naiveLimit.TotalSeconds,
            SameOptimum = same,
            Violations = engine.Violations.Count + naiveMetrics.Violations.Count,
            PeakWorkingSetMb = self.PeakWorkingSet64 / (1024.0 * 1024.0),
        };
        foreach (var v in engine.Violations.Take(5).Select(x => "engine: " + x).Concat(naiveMetrics.Violations.Take(5).Select(x => "naive: " + x)))
        {
            log.WriteLine(v);
        }

        ResultsFolder.WriteRaw(string.Create(CultureInfo.InvariantCulture, $"naive-{spec.Name}-{seed}"), summary);
        return summary;
    }
}
