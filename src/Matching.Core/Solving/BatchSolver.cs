using System.Collections.Immutable;
using System.Diagnostics;

namespace Matching.Solving;

/// <summary>Candidates, decomposition and the exact solve of every component, in parallel and deterministically.</summary>
internal static class BatchSolver
{
    public static (BatchSolution? Solution, ImmutableArray<string> PinConflicts) Solve(
        PreparedBatch batch, SolveOptions options, Dictionary<string, double> phases, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var watch = Stopwatch.StartNew();
        var (pinned, conflicts) = PinResolver.Resolve(batch);
        if (!conflicts.IsEmpty)
        {
            return (null, conflicts);
        }

        progress?.Report(new SolveProgress("candidates", 0, batch.Units.Length));
        var candidates = CandidateBuilder.Build(batch, pinned, cancellationToken, threads, CandidateBuilder.KeepPerUnit(batch, options.MaxCandidatesPerUnit));
        var components = Components.Find(batch, candidates);
        phases["candidates"] = watch.Elapsed.TotalMilliseconds;
        progress?.Report(new SolveProgress("candidates", batch.Units.Length, batch.Units.Length));

        watch.Restart();
        var models = new ComponentModel[components.Count];
        var solutions = new AssignmentSolution[components.Count];

        // Big components first so the parallel loop does not end waiting on one; results land by index, so
        // thread timing never changes the outcome.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(i => components[i].Length).ThenBy(i => i).ToArray();
        var solverOptions = new AssignmentSolverOptions { Seed = options.Seed, TimeLimit = options.TimeLimit, Backend = options.Backend };
        var done = 0;
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, k =>
        {
            models[k] = ComponentModel.Build(batch, candidates, components[k], pinned);
            solutions[k] = AssignmentSolver.Solve(models[k].Model, solverOptions, cancellationToken);
            progress?.Report(new SolveProgress("solve", Interlocked.Increment(ref done), components.Count));
        });
        phases["solve"] = watch.Elapsed.TotalMilliseconds;

        var unitCarer = Enumerable.Repeat(-1, batch.Units.Length).ToArray();
        var unitComponent = Enumerable.Repeat(-1, batch.Units.Length).ToArray();
        for (var k = 0; k < components.Count; k++)
        {
            var cm = models[k];
            for (var i = 0; i < cm.Units.Length; i++)
            {
                unitComponent[cm.Units[i]] = k;
                var arc = solutions[k].ItemArc[i];
                if (arc >= 0)
                {
                    unitCarer[cm.Units[i]] = cm.Carers[cm.Model.ArcBin[arc]];
                }
            }
        }

        return (new BatchSolution
        {
            Batch = batch,
            Candidates = candidates,
            Components = components,
            Models = models,
            Solutions = solutions,
            UnitCarer = unitCarer,
            UnitComponent = unitComponent,
        }, []);
    }
}
