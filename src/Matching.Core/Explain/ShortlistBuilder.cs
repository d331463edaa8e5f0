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
/// <param name="Ranked">False when the unit's carers were not all priced (the relaxation's bounds could not rule the rest out within the pricing budget).</param>
internal readonly record struct Alternative(int Carer, long PlacementsLost, long CostMilli, bool Proved, bool Estimated = false, bool Ranked = true);

/// <summary>
/// Ranked alternatives per unit, each priced exactly: <c>cost_if_chosen</c> is the true change in the batch
/// objective if that carer were chosen, re-optimising everything else, not an estimate. Components solved by
/// min-cost flow price every candidate at once from the residual graph (<see cref="FlowPricer"/>), so their
/// shortlists are the best carers of all. Large coupled components are priced from their linear relaxation
/// (<see cref="RelaxationPricer"/>): candidates in order of the relaxation's bound, each by a forced re-solve
/// proved for the whole component, until no candidate left could enter the shortlist, so theirs are the best
/// of all too. Small coupled components are solved again with the carer forced (hinted with the current plan, in
/// parallel) for the best candidates by their own score and the proposed carer. Only components whose own plan is
/// not proved optimal (national scale) get costs estimated from each pair's own score, and say so.
/// </summary>
internal static class ShortlistBuilder
{
    /// <summary>The most time one forced re-solve may take (a deterministic limit; unproved costs are noted).</summary>
    private static readonly TimeSpan ResolveLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Coupled components with more candidate pairs than this are priced from their linear relaxation rather than
    /// re-solved whole once per choice (each whole re-solve of a large coupled component takes a tenth of a
    /// second or more; a week's shortlists would take minutes).
    /// </summary>
    private const int ResolveMaxArcs = 2_000;

    /// <summary>The most prices per unit that need a solve, where the relaxation's bounds are weak.</summary>
    private const int SolvesPerUnit = 3;

    /// <summary>Alternatives per unit with a candidate, best first.</summary>
    /// <param name="solution">The solved batch.</param>
    /// <param name="options">Shortlist size, seed, threads, time limit.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="resolveAll">Price every component by re-solving (the slow reference path, for tests).</param>
    /// <param name="resolveMaxArcs">Coupled components above this size are priced from their relaxation (tests lower it).</param>
    public static Dictionary<int, Alternative[]> Alternatives(BatchSolution solution, SolveOptions options, CancellationToken cancellationToken, bool resolveAll = false, int resolveMaxArcs = ResolveMaxArcs)
    {
        var batch = solution.Batch;
        var size = Math.Max(0, options.ShortlistSize);
        var priced = new Dictionary<int, List<Alternative>>();
        var jobs = new List<(int Unit, int Arc)>();
        var relaxed = new List<(RelaxationPricer Pricer, ComponentModel Model, int Item)>();
        if (size == 0)
        {
            return [];
        }

        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var limit = options.TimeLimit < ResolveLimit ? options.TimeLimit : ResolveLimit;
        var perSolve = new AssignmentSolverOptions { Seed = options.Seed, TimeLimit = limit, Backend = options.Backend };

        for (var k = 0; k < solution.Models.Length; k++)
        {
            var cm = solution.Models[k];
            var exact = !resolveAll && solution.Solutions[k].Method == "min-cost-flow" && solution.Solutions[k].Status == SolveStatus.Optimal
                ? FlowPricer.Price(cm.Model, solution.Solutions[k])
                : null;
            var pricer = exact is null && !resolveAll && cm.Model.ArcCount > resolveMaxArcs
                ? RelaxationPricer.Create(cm.Model, solution.Solutions[k], perSolve, cancellationToken)
                : null;
            var estimate = exact is null && pricer is null && !resolveAll
                && (cm.Model.ArcCount > resolveMaxArcs || solution.Solutions[k].Status != SolveStatus.Optimal);
            if (pricer is not null)
            {
                relaxed.AddRange(Enumerable.Range(0, cm.Units.Length).Select(i => (pricer, cm, i)));
                continue;
            }

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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Count, parallel, j =>
        {
            results[j] = Price(solution, jobs[j].Unit, jobs[j].Arc, perSolve, cancellationToken);
        });

        for (var j = 0; j < jobs.Count; j++)
        {
            Add(priced, jobs[j].Unit, results[j]);
        }

        var relaxedResults = new List<Alternative>[relaxed.Count];
        Parallel.For(0, relaxed.Count, parallel, j =>
        {
            var (pricer, cm, item) = relaxed[j];
            relaxedResults[j] = TopByRelaxation(solution, pricer, cm, item, size, cancellationToken);
        });

        for (var j = 0; j < relaxed.Count; j++)
        {
            foreach (var alt in relaxedResults[j])
            {
                Add(priced, relaxed[j].Model.Units[relaxed[j].Item], alt);
            }
        }

        // Ranked by what choosing the carer costs the batch; among equal costs the proposed carer first, then by
        // the pair's own score, then carer.
        return priced.ToDictionary(
            kv => kv.Key,
            kv => kv.Value
                .OrderBy(a => a.PlacementsLost).ThenBy(a => a.CostMilli).ThenBy(a => a.Carer != solution.UnitCarer[kv.Key])
                .ThenByDescending(a => OwnScore(solution, kv.Key, a.Carer)).ThenBy(a => a.Carer)
                .Take(size)
                .ToArray());
    }

    private static long OwnScore(BatchSolution solution, int unit, int carer) =>
        solution.Candidates.ArcOf(unit, carer) is var a and >= 0 ? solution.Candidates.ArcScore[a] : long.MinValue;

    /// <summary>
    /// The proposed carer and the cheapest others of one item, priced in order of the relaxation's lower bound on
    /// their cost (then their own score, then carer) until the shortlist is full and no candidate left can beat its
    /// last entry (ties are priced too). Most prices come from the Lagrangian flow at no cost; where its bound is
    /// weak (near children of groups that may split) a price needs the forced relaxation, so at most
    /// <see cref="SolvesPerUnit"/> of those are made, and a shortlist cut short by that budget, or missing a carer
    /// no plan was found for, says so: its ranking covers the carers priced.
    /// </summary>
    private static List<Alternative> TopByRelaxation(BatchSolution solution, RelaxationPricer pricer, ComponentModel cm, int item, int size, CancellationToken cancellationToken)
    {
        var m = cm.Model;
        var found = new List<(Alternative Alt, long Weighted, long Own)>();
        var proposed = solution.Solutions[solution.UnitComponent[cm.Units[item]]].ItemArc[item];
        var proposedCarer = solution.UnitCarer[cm.Units[item]];
        if (proposed >= 0)
        {
            var alt = new Alternative(solution.Candidates.ArcCarer[cm.Arcs[proposed]], 0, 0, true);
            found.Add((alt, 0, m.ArcScore[proposed]));
        }

        // Candidates in the ranking's own order on their least possible cost; re-ordered when a price brings a
        // tighter bound for this item (the flow for the item moved, built once).
        (int Arc, long AtLeast, int Carer)[] Order(IEnumerable<int> arcs) => [.. arcs
            .Select(a => (Arc: a, AtLeast: pricer.CostAtLeast(a), Carer: solution.Candidates.ArcCarer[cm.Arcs[a]]))
            .OrderBy(c => c.AtLeast).ThenByDescending(c => m.ArcScore[c.Arc]).ThenBy(c => c.Carer)];
        var queue = new Queue<(int Arc, long AtLeast, int Carer)>(Order(pricer.ArcsOf(item).Where(a => a != proposed)));
        var solves = 0;
        var complete = true;
        while (queue.TryDequeue(out var next))
        {
            var (arc, atLeast, carer) = next;

            // A candidate can no longer enter when its least possible cost is above the last entry's, or equal
            // with a lower own score (or equal score and later carer); every candidate after it in this order is
            // no better, since this order is the ranking's own order on the bound.
            if (found.Count >= size)
            {
                var last = found.OrderBy(f => f.Weighted).ThenBy(f => f.Alt.Carer != proposedCarer).ThenByDescending(f => f.Own).ThenBy(f => f.Alt.Carer).ElementAt(size - 1);
                var own = m.ArcScore[arc];
                if (atLeast > last.Weighted || (atLeast == last.Weighted && (own < last.Own || (own == last.Own && carer > last.Alt.Carer))))
                {
                    break;
                }
            }

            if (solves == SolvesPerUnit)
            {
                complete = false;
                break;
            }

            var price = pricer.Price(item, arc, carer, cancellationToken, out var solved);
            if (solved)
            {
                solves++;
                queue = new Queue<(int Arc, long AtLeast, int Carer)>(Order(queue.Select(q => q.Arc)));
            }

            if (price is { } alt)
            {
                found.Add((alt, pricer.Weighted(alt), m.ArcScore[arc]));
            }
            else
            {
                complete = false;
            }
        }

        return [.. found.Select(f => complete ? f.Alt : f.Alt with { Ranked = false })];
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
        var model = cm.Model.WithForced(forced);
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

                    if (!alt.Ranked)
                    {
                        notes.Add("cost exact; ranked among the carers most likely to be cheapest, not every eligible carer was priced");
                    }

                    if (alt.Estimated)
                    {
                        notes.Add("cost estimated from this carer's own score: the group of children it competes in is too large to re-solve for every choice");
                    }
                    else if (!alt.Proved)
                    {
                        notes.Add("cost of the best plan found with this carer; a cheaper one was not ruled out in the time allowed");
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
