using System.Collections.Immutable;
using System.Globalization;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>What choosing one carer for one unit would do to the whole batch, re-optimising everything else.</summary>
/// <param name="Carer">Carer index.</param>
/// <param name="PlacementsLost">Children the batch would place fewer.</param>
/// <param name="CostMilli">Score lost, in milli-points.</param>
/// <param name="Proved">False when the re-solve hit its limit without proving optimality.</param>
internal readonly record struct Alternative(int Carer, long PlacementsLost, long CostMilli, bool Proved);

/// <summary>
/// Ranked alternatives per unit, each priced exactly: the unit's component is solved again with that carer
/// forced, so <c>cost_if_chosen</c> is the true change in the batch objective, not an estimate.
/// </summary>
internal static class ShortlistBuilder
{
    public static Dictionary<int, Alternative[]> Alternatives(BatchSolution solution, SolveOptions options, CancellationToken cancellationToken)
    {
        var batch = solution.Batch;
        var size = Math.Max(0, options.ShortlistSize);
        var jobs = new List<(int Unit, int Arc)>();
        for (var u = 0; u < batch.Units.Length; u++)
        {
            if (solution.UnitComponent[u] < 0 || size == 0)
            {
                continue;
            }

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

            jobs.AddRange(arcs.Select(a => (u, a)));
        }

        var results = new Alternative[jobs.Count];
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var perSolve = new AssignmentSolverOptions { Seed = options.Seed, TimeLimit = options.TimeLimit, Workers = 1, Backend = options.Backend };
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, j =>
        {
            results[j] = Price(solution, jobs[j].Unit, jobs[j].Arc, perSolve, cancellationToken);
        });

        return jobs.Select((job, j) => (job.Unit, Result: results[j]))
            .GroupBy(x => x.Unit)
            .ToDictionary(
                g => g.Key,
                g => g.Select(x => x.Result)
                    .OrderBy(a => a.PlacementsLost).ThenBy(a => a.CostMilli).ThenBy(a => a.Carer)
                    .Take(Math.Max(size, 1))
                    .ToArray());
    }

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
        var alt = AssignmentSolver.Solve(model, options, cancellationToken);
        if (alt.Status is not (SolveStatus.Optimal or SolveStatus.Feasible))
        {
            // Forcing this carer breaks a structural rule with the pins: it cannot be chosen.
            return new Alternative(carer, long.MaxValue, long.MaxValue, true);
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
                        notes.Add(string.Create(CultureInfo.InvariantCulture, $"would leave {alt.PlacementsLost} more child(ren) unplaced"));
                    }

                    if (!alt.Proved)
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
