using System.Diagnostics;
using Matching.Bench.Baselines;
using Matching.Model;

namespace Matching.Bench.Scenarios;

/// <summary>Generates a scenario batch, times loading it from files, solves it with the engine and measures each phase.</summary>
internal static class ScenarioRunner
{
    public static (ScenarioMeasurement Measurement, MatchingProblem Problem, MatchingResult Result) Run(
        ScenarioSpec spec, int seed, TimeSpan limit, bool checkPlan, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var problem = spec.Problem(seed);
        var generateMs = watch.Elapsed.TotalMilliseconds;
        log.WriteLine($"{spec.Name} seed {seed}: generated {problem.Children.Length} children, {problem.Carers.Length} carers in {generateMs:F0} ms");

        var loadMs = BatchLoad.Measure(spec, seed, log);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, TimeLimit = limit });
        var engineMs = watch.Elapsed.TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
        using var self = Process.GetCurrentProcess();
        self.Refresh();

        IReadOnlyList<string> violations = [];
        if (checkPlan)
        {
            violations = PlanEvaluator.Evaluate(new BatchView(problem), PlanEvaluator.FromResult(result)).Violations;
        }

        var phases = result.Statistics.PhaseMilliseconds;
        var measurement = new ScenarioMeasurement
        {
            Scenario = spec.Name,
            Seed = seed,
            Children = problem.Children.Length,
            Carers = problem.Carers.Length,
            GenerateMs = generateMs,
            LoadMs = loadMs,
            PrepareMs = phases.GetValueOrDefault("prepare"),
            CandidatesMs = phases.GetValueOrDefault("candidates"),
            SolveMs = phases.GetValueOrDefault("solve"),
            ExplainMs = phases.GetValueOrDefault("explain"),
            EngineMs = engineMs,
            Status = result.Status.ToString(),
            ChildrenPlaced = result.ChildrenPlaced,
            Score = result.Score,
            ScoreBound = result.ScoreBound,
            CandidatePairs = result.Statistics.CandidatePairs,
            Components = result.Statistics.Components,
            FlowComponents = result.Statistics.FlowComponents,
            CpSatComponents = result.Statistics.CpSatComponents,
            AllocatedMb = allocated,
            PeakWorkingSetMb = self.PeakWorkingSet64 / (1024.0 * 1024.0),
            Violations = violations,
            TimeLimitSeconds = limit.TotalSeconds,
        };
        log.WriteLine($"{spec.Name} seed {seed}: {result.Status}, {result.ChildrenPlaced} placed, engine {engineMs:F0} ms " +
            $"(candidates {measurement.CandidatesMs:F0}, solve {measurement.SolveMs:F0}, explain {measurement.ExplainMs:F0}), peak {measurement.PeakWorkingSetMb:F0} MB");
        return (measurement, problem, result);
    }
}
