using System.Diagnostics;
using System.Globalization;
using Matching.Bench.Baselines;
using Matching.Bench.Infrastructure;
using Matching.Model;

namespace Matching.Bench.Scenarios;

/// <summary>
/// Generates a scenario batch, times loading it from files, solves it with the engine and measures each phase.
/// The engine runs twice: without explanations (prepare, candidates, solve), then with them under a separate
/// limit, because exact shortlists re-solve the batch many times and may take far longer than the solve.
/// </summary>
internal static class ScenarioRunner
{
    public static ScenarioMeasurement Run(ScenarioSpec spec, int seed, TimeSpan limit, TimeSpan? explainLimit, double capMb, TextWriter log)
    {
        using var guard = new MemoryGuard(capMb, why =>
        {
            log.WriteLine($"{spec.Name} seed {seed}: stopped: {why}");
            ResultsFolder.WriteRaw("scenario-" + spec.Name, new ScenarioMeasurement
            {
                Scenario = spec.Name, Seed = seed, Children = spec.Children, Carers = spec.Carers,
                Status = "stopped: " + why, TimeLimitSeconds = limit.TotalSeconds, PeakWorkingSetMb = capMb,
            });
            Environment.Exit(3);
        });
        var watch = Stopwatch.StartNew();
        var problem = spec.Problem(seed);
        var generateMs = watch.Elapsed.TotalMilliseconds;
        log.WriteLine($"{spec.Name} seed {seed}: generated {problem.Children.Length} children, {problem.Carers.Length} carers in {generateMs:F0} ms");

        var loadMs = BatchLoad.Measure(spec, seed, log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}: load {loadMs:F0} ms"));

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        MatchingResult result;
        try
        {
            result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, TimeLimit = limit, Explain = false }, Progress(log, watch, guard));
        }
        catch (Exception ex) when (EngineFailure.Is(ex))
        {
            // The engine failing is a result too: record it (the summary shows it) rather than lose the run.
            var inner = EngineFailure.Root(ex);
            log.WriteLine($"{spec.Name} seed {seed}: the engine threw {inner}");
            return new ScenarioMeasurement
            {
                Scenario = spec.Name, Seed = seed, Children = problem.Children.Length, Carers = problem.Carers.Length,
                Status = string.Create(CultureInfo.InvariantCulture, $"failed: the engine threw {inner.GetType().Name} in phase {guard.Phase} after {watch.Elapsed.TotalSeconds:N0} s"),
                LoadMs = loadMs, TimeLimitSeconds = limit.TotalSeconds,
            };
        }

        var engineMs = watch.Elapsed.TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
        var violations = PlanEvaluator.Evaluate(new BatchView(problem), PlanEvaluator.FromResult(result)).Violations;
        var phases = result.Statistics.PhaseMilliseconds;
        log.WriteLine($"{spec.Name} seed {seed}: {result.Status}, {result.ChildrenPlaced} placed, engine {engineMs:F0} ms without explanations, {violations.Count} violations");

        guard.Phase = "explain run";
        var (explainMs, explainNote) = explainLimit is { } el ? Explain(problem, limit, el, log, guard) : (null, "not run");
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var groups = SiblingGroup.Form(problem.Children);
        var measurement = new ScenarioMeasurement
        {
            Groups = groups.Length,
            SiblingGroups = groups.Count(g => g.Size > 1),
            MaySplitGroups = groups.Count(g => g.Size > 1 && g.Rule == SiblingRule.MaySplit),
            PlacementTypes = string.Join(", ", problem.Children.GroupBy(c => c.PlacementType).OrderBy(g => g.Key)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"))),
            Scenario = spec.Name,
            Seed = seed,
            Children = problem.Children.Length,
            Carers = problem.Carers.Length,
            GenerateMs = generateMs,
            LoadMs = loadMs,
            PrepareMs = phases.GetValueOrDefault("prepare"),
            CandidatesMs = phases.GetValueOrDefault("candidates"),
            SolveMs = phases.GetValueOrDefault("solve"),
            ProposalsMs = phases.GetValueOrDefault("explain"),
            ExplainMs = explainMs,
            ExplainNote = explainNote,
            EngineMs = engineMs,
            Status = result.Status.ToString(),
            ChildrenPlaced = result.ChildrenPlaced,
            Score = result.Score,
            ScoreBound = result.ScoreBound,
            CandidatePairs = result.Statistics.CandidatePairs,
            Components = result.Statistics.Components,
            FlowComponents = result.Statistics.FlowComponents,
            CpSatComponents = result.Statistics.CpSatComponents,
            MipComponents = result.Statistics.MipComponents,
            LpComponents = result.Statistics.LpComponents,
            CandidatesPruned = result.Statistics.CandidatesPruned,
            AllocatedMb = allocated,
            PeakWorkingSetMb = self.PeakWorkingSet64 / (1024.0 * 1024.0),
            Violations = violations,
            TimeLimitSeconds = limit.TotalSeconds,
        };
        log.WriteLine($"{spec.Name} seed {seed}: peak working set {measurement.PeakWorkingSetMb:F0} MB, explain {explainNote}");
        return measurement;
    }

    private static (double? Ms, string Note) Explain(MatchingProblem problem, TimeSpan limit, TimeSpan explainLimit, TextWriter log, MemoryGuard guard)
    {
        using var cancel = new CancellationTokenSource(explainLimit);
        var watch = Stopwatch.StartNew();
        try
        {
            var result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, TimeLimit = limit, Explain = true }, Progress(log, watch, guard), cancel.Token);
            var ms = result.Statistics.PhaseMilliseconds.GetValueOrDefault("explain");
            // How many prices are exact: the notes say which are not proved, ranked over part of the carers, or estimated.
            return (ms, string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms ({result.Shortlists.Length} shortlist entries: {ShortlistNotes.NotProved(result)} not proved, {ShortlistNotes.CutShort(result)} in rankings cut short, {ShortlistNotes.Estimated(result)} estimated)"));
        }
        catch (OperationCanceledException)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"did not finish within {explainLimit.TotalSeconds:N0} s"));
        }
        catch (Exception ex) when (EngineFailure.Is(ex))
        {
            // Report an engine failure in the explanation run instead of losing the whole measurement.
            var inner = EngineFailure.Root(ex);
            log.WriteLine($"explain run: the engine threw {inner}");
            return (null, string.Create(CultureInfo.InvariantCulture, $"engine threw {inner.GetType().Name} after {watch.Elapsed.TotalSeconds:N0} s"));
        }
    }

    private static Progress<SolveProgress> Progress(TextWriter log, Stopwatch watch, MemoryGuard guard)
    {
        var last = "";
        return new Progress<SolveProgress>(p =>
        {
            guard.Phase = p.Done == p.Total && p.Phase == "candidates" ? "solve" : p.Phase;
            // Log phase changes only: enough to see where a long run spends its time.
            if (p.Phase != last || p.Done == p.Total)
            {
                last = p.Phase;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds,8:F1} s  {p.Phase} {p.Done}/{p.Total}"));
            }
        });
    }
}
