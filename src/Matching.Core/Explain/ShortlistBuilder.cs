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
/// min-cost flow price every candidate at once from the residual graph (<see cref="FlowPricer"/>). Other components
/// proved optimal are priced from their linear relaxation (<see cref="RelaxationPricer"/>): candidates in order of
/// a proved lower bound on their cost, each priced exactly, until no candidate left could enter the shortlist. Both
/// give the best carers of all, not of a preselection. (A large component whose relaxation is fractional, as in
/// fostering weeks, gets the best plan known for the carers of least bound instead, marked not proved.) A component
/// whose own plan is not proved optimal has no exact cost to give: small ones are solved again with the carer forced
/// for the best candidates by their own score and the proposed carer; national-scale ones get costs estimated from
/// each pair's own score; all of these say so.
/// </summary>
internal static class ShortlistBuilder
{
    /// <summary>The most time one forced re-solve may take (a deterministic limit; unproved costs are noted).</summary>
    private static readonly TimeSpan ResolveLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Coupled components whose plan is not proved optimal are re-solved whole once per choice up to this many
    /// candidate pairs; above it each re-solve takes a tenth of a second or more, and their costs are estimated.
    /// </summary>
    private const int ResolveMaxArcs = 2_000;

    /// <summary>Jobs the items of large components are dealt to (fixed, so the results do not depend on the threads).</summary>
    internal const int PricingJobs = 4;

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
        var relaxed = new List<(RelaxationPricer Pricer, ComponentModel Model, int[] Carers, int Item)>();
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
            var pricer = exact is null && !resolveAll
                ? RelaxationPricer.Create(cm.Model, solution.Solutions[k], perSolve, cancellationToken, exact: options.ExactShortlists, learnAside: threads > 1)
                : null;
            var estimate = exact is null && pricer is null && !resolveAll && cm.Model.ArcCount > ResolveMaxArcs;
            if (pricer is not null)
            {
                int[] carers = [.. cm.Arcs.Select(a => solution.Candidates.ArcCarer[a])];
                relaxed.AddRange(Enumerable.Range(0, cm.Units.Length).Select(i => (pricer, cm, carers, i)));
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

        // Items of a sibling group that may split stay together: one child's forced plan, the group moved whole, often
        // proves a sibling's price. The groups are dealt (Deal) to a fixed number of jobs, each run on one thread with
        // one warm relaxation per component, whose cuts and columns carry from one item to the next; the deal does not
        // depend on the threads, so neither do the plans found.
        var relaxedResults = new List<Alternative>[relaxed.Count];
        var groups = Enumerable.Range(0, relaxed.Count)
            .GroupBy(j => Splits(relaxed[j].Model.Model, relaxed[j].Item) ? (relaxed[j].Pricer, relaxed[j].Model.Model.ItemFamily[relaxed[j].Item]) : (relaxed[j].Pricer, -1 - j))
            .Select(g => g.ToArray())
            .ToArray();
        var dealt = Deal(groups, PricingJobs);

        Parallel.ForEach(dealt.Where(d => d.Count > 0), parallel, items =>
        {
            // In component order, so that one warm model is alive per thread at a time (a batch may have many).
            RelaxationPricer.Job? job = null;
            RelaxationPricer? jobPricer = null;
            try
            {
                foreach (var j in items.Order())
                {
                    var (pricer, _, carers, item) = relaxed[j];
                    if (pricer != jobPricer)
                    {
                        job?.Dispose();
                        (job, jobPricer) = (new RelaxationPricer.Job(), pricer);
                    }

                    relaxedResults[j] = pricer.Top(item, size, carers, job!, cancellationToken);
                }
            }
            finally
            {
                job?.Dispose();
            }
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

    /// <summary>
    /// The groups dealt to <paramref name="jobs"/> jobs, largest first (then by first index), each to the job least
    /// loaded so far (the first among equals), a group of k children weighing k * k children alone. A group of more
    /// than one is a sibling group that may split, priced together, and its children cost far more to price than a
    /// child alone (generated fostering week 10: a group of five 4.0-4.4 s, a child alone about 40 ms); dealt by count,
    /// its job also took a full share of the other children and ran on after the other thread was done.
    /// </summary>
    internal static List<int>[] Deal(IEnumerable<int[]> groups, int jobs)
    {
        var dealt = Enumerable.Range(0, jobs).Select(_ => new List<int>()).ToArray();
        var load = new long[jobs];
        foreach (var group in groups.OrderByDescending(g => g.Length).ThenBy(g => g[0]))
        {
            var least = Array.IndexOf(load, load.Min());
            dealt[least].AddRange(group);
            load[least] += (long)group.Length * group.Length;
        }

        return dealt;
    }

    /// <summary>True for an item of a sibling group that may split (at a cost).</summary>
    private static bool Splits(AssignmentModel m, int item) => m.FamilySplitPenalty[m.ItemFamily[item]] > 0;

    private static long OwnScore(BatchSolution solution, int unit, int carer) =>
        solution.Candidates.ArcOf(unit, carer) is var a and >= 0 ? solution.Candidates.ArcScore[a] : long.MinValue;

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
        var model = cm.Model.WithPinned(item, local);
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
                        notes.Add("ranked among the carers most likely to be cheapest; not every eligible carer was priced");
                    }

                    if (alt.Estimated)
                    {
                        notes.Add("cost estimated from this carer's own score: the group of children it competes in is too large to re-solve for every choice");
                    }
                    else if (!alt.Proved)
                    {
                        notes.Add("cost of the best plan found with this carer; a cheaper one was not ruled out");
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
