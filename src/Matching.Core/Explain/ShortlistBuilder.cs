using System.Collections.Immutable;
using System.Globalization;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>What choosing one carer for one unit would do to the whole batch, re-optimising everything else.</summary>
/// <param name="Carer">Carer index.</param>
/// <param name="PlacementsLost">Children the batch would place fewer.</param>
/// <param name="CostMilli">Score lost, in milli-points.</param>
/// <param name="Proved">False when the re-solve hit its limit without proving optimality.</param>
/// <param name="Estimated">True when the cost is this pair's own score difference, not a re-solve (large components).</param>
internal readonly record struct Alternative(int Carer, long PlacementsLost, long CostMilli, bool Proved, bool Estimated = false);

/// <summary>
/// Ranked alternatives per unit, each priced exactly: <c>cost_if_chosen</c> is the true change in the batch
/// objective if that carer were chosen, re-optimising everything else, not an estimate. Components solved by
/// min-cost flow price every candidate at once from the residual graph (<see cref="FlowPricer"/>), so their
/// shortlists are the best carers of all; other components are solved again with the carer forced (hinted with
/// the current plan, in parallel) for the best candidates by their own score and the proposed carer.
/// </summary>
internal static class ShortlistBuilder
{
    /// <summary>The most time one forced re-solve may take (a deterministic limit; unproved costs are noted).</summary>
    private static readonly TimeSpan ResolveLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Components with more candidate pairs than this are not re-solved once per choice (each re-solve of a
    /// large coupled component takes seconds; a week's shortlists would take hours): their costs are estimated
    /// from the pair's own score and say so.
    /// </summary>
    private const int ResolveMaxArcs = 2_000;

    /// <summary>Alternatives per unit with a candidate, best first.</summary>
    /// <param name="solution">The solved batch.</param>
    /// <param name="options">Shortlist size, seed, threads, time limit.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="resolveAll">Price every component by re-solving (the slow reference path, for tests).</param>
    public static Dictionary<int, Alternative[]> Alternatives(BatchSolution solution, SolveOptions options, CancellationToken cancellationToken, bool resolveAll = false)
    {
        var batch = solution.Batch;
        var size = Math.Max(0, options.ShortlistSize);
        var priced = new Dictionary<int, List<Alternative>>();
        var jobs = new List<(int Unit, int Arc)>();
        if (size == 0)
        {
            return [];
        }

        for (var k = 0; k < solution.Models.Length; k++)
        {
            var cm = solution.Models[k];
            var exact = !resolveAll && solution.Solutions[k].Method == "min-cost-flow" && solution.Solutions[k].Status == SolveStatus.Optimal
                ? FlowPricer.Price(cm.Model, solution.Solutions[k])
                : null;
            var estimate = exact is null && !resolveAll
                && (cm.Model.ArcCount > ResolveMaxArcs || solution.Solutions[k].Status != SolveStatus.Optimal);
            if (exact is not null)
            {
                for (var a = 0; a < cm.Arcs.Length; a++)
                {
                    var unit = cm.Units[cm.Model.ArcItem[a]];
                    var carer = solution.Candidates.ArcCarer[cm.Arcs[a]];
                    var alt = exact[a] is { } p ? new Alternative(carer, p.Lost, p.Cost, true) : Impossible(carer);
                    Add(priced, unit, alt);
                }

                continue;
            }

            foreach (var u in cm.Units)
            {
                // The best candidates by their own score, and always the proposed carer.
                var start = solution.Candidates.UnitStart[u];
                var arcs = Enumerable.Range(start, solution.Candidates.UnitStart[u + 1] - start)
                    .OrderByDescending(a => solution.Candidates.ArcScore[a])
                    .ThenBy(a => solution.Candidates.ArcCarer[a])
                    .Take(size)
                    .ToList();
                var proposed = solution.UnitCarer[u] >= 0 ? solution.Candidates.ArcOf(u, solution.UnitCarer[u]) : -1;
                if (proposed >= 0 && !arcs.Contains(proposed))
                {
                    arcs.Add(proposed);
                }

                if (estimate)
                {
                    var own = proposed >= 0 ? solution.Candidates.ArcScore[proposed] : 0;
                    foreach (var a in arcs)
                    {
                        var carer = solution.Candidates.ArcCarer[a];
                        Add(priced, u, a == proposed
                            ? new Alternative(carer, 0, 0, true)
                            : new Alternative(carer, 0, proposed >= 0 ? own - solution.Candidates.ArcScore[a] : 0, false, true));
                    }

                    continue;
                }

                jobs.AddRange(arcs.Select(a => (u, a)));
            }
        }

        var results = new Alternative[jobs.Count];
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var limit = options.TimeLimit < ResolveLimit ? options.TimeLimit : ResolveLimit;
        var perSolve = new AssignmentSolverOptions { Seed = options.Seed, TimeLimit = limit, Backend = options.Backend };
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, j =>
        {
            results[j] = Price(solution, jobs[j].Unit, jobs[j].Arc, perSolve, cancellationToken);
        });

        for (var j = 0; j < jobs.Count; j++)
        {
            Add(priced, jobs[j].Unit, results[j]);
        }

        return priced.ToDictionary(
            kv => kv.Key,
            kv => kv.Value
                .OrderBy(a => a.PlacementsLost).ThenBy(a => a.CostMilli).ThenBy(a => a.Carer)
                .Take(size)
                .ToArray());
    }

    private static void Add(Dictionary<int, List<Alternative>> priced, int unit, Alternative alt)
    {
        if (!priced.TryGetValue(unit, out var list))
        {
            priced[unit] = list = [];
        }

        list.Add(alt);
    }

    private static Alternative Impossible(int carer) => new(carer, long.MaxValue, long.MaxValue, true);

    private static Alternative Price(BatchSolution solution, int unit, int arc, AssignmentSolverOptions options, CancellationToken cancellationToken)
    {
        var carer = solution.Candidates.ArcCarer[arc];
        if (solution.UnitCarer[unit] == carer)
        {
            return new Alternative(carer, 0, 0, true);
        }

        var k = solution.UnitComponent[unit];
        var cm = solution.Models[k];
        var item = Array.IndexOf(cm.Units, unit);
        var local = Array.IndexOf(cm.Arcs, arc);
        var forced = (int[])cm.Model.ItemForcedArc.Clone();
        forced[item] = local;
        var model = WithForced(cm.Model, forced);
        var baseline = solution.Solutions[k];

        // The current plan with this one change is a good start: most of it usually survives.
        var hint = (int[])baseline.ItemArc.Clone();
        hint[item] = local;
        var alt = options.Backend == Backend.Auto && !FlowBackend.Applies(model) && model.ArcCount <= options.CpSatMaxArcs
            ? CpSatBackend.Solve(model, options, hint, cancellationToken)
            : AssignmentSolver.Solve(model, options, cancellationToken);
        if (alt.Status is not (SolveStatus.Optimal or SolveStatus.Feasible))
        {
            // Forcing this carer breaks a structural rule with the pins: it cannot be chosen.
            return Impossible(carer);
        }

        return new Alternative(carer, baseline.Value - alt.Value, baseline.Score - alt.Score, alt.Status == SolveStatus.Optimal);
    }

    private static AssignmentModel WithForced(AssignmentModel m, int[] forced) => new()
    {
        ItemValue = m.ItemValue,
        ItemFamily = m.ItemFamily,
        ItemForcedArc = forced,
        BinCapacity = m.BinCapacity,
        BinMixedCapacity = m.BinMixedCapacity,
        BinFamilyLoadCap = m.BinFamilyLoadCap,
        ArcItem = m.ArcItem,
        ArcBin = m.ArcBin,
        ArcLoad = m.ArcLoad,
        ArcScore = m.ArcScore,
        ArcExclusive = m.ArcExclusive,
        ArcFar = m.ArcFar,
        FamilySplitPenalty = m.FamilySplitPenalty,
        FamilyFarPenalty = m.FamilyFarPenalty,
        AssignAll = m.AssignAll,
    };

    public static ImmutableArray<ShortlistEntry> Entries(BatchSolution solution, Dictionary<int, Alternative[]> alternatives)
    {
        var batch = solution.Batch;
        var entries = new List<ShortlistEntry>();
        foreach (var (unit, alts) in alternatives.OrderBy(kv => kv.Key))
        {
            foreach (var child in batch.Units[unit].Children)
            {
                var rank = 0;
                foreach (var alt in alts.Where(a => a.PlacementsLost != long.MaxValue))
                {
                    var carer = batch.Carers[alt.Carer];
                    var facts = batch.Facts(batch.Units[unit], child, carer);
                    var notes = new List<string>();
                    if (alt.Carer == solution.UnitCarer[unit])
                    {
                        notes.Add("proposed");
                    }

                    if (alt.PlacementsLost > 0)
                    {
                        notes.Add(string.Create(CultureInfo.InvariantCulture, $"would leave {alt.PlacementsLost} more {(alt.PlacementsLost == 1 ? "child" : "children")} unplaced"));
                    }

                    if (alt.Estimated)
                    {
                        notes.Add("cost estimated from this carer's own score: the group of children it competes in is too large to re-solve for every choice");
                    }
                    else if (!alt.Proved)
                    {
                        notes.Add("cost not proved optimal within the time limit");
                    }

                    entries.Add(new ShortlistEntry
                    {
                        ChildId = child.Id,
                        Rank = ++rank,
                        CarerId = carer.Id,
                        Score = Points.FromMilli(Rules.PairScorer.Total(batch.Rules, facts)),
                        CostIfChosen = Points.FromMilli(alt.CostMilli),
                        PlacementsLost = (int)alt.PlacementsLost,
                        ContactMiles = double.IsNaN(facts.ContactMiles) ? null : facts.ContactMiles,
                        Notes = string.Join("; ", notes),
                    });
                }
            }
        }

        return [.. entries.OrderBy(e => e.ChildId, StringComparer.Ordinal).ThenBy(e => e.Rank)];
    }
}
