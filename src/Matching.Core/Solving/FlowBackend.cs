using Google.OrTools.Graph;

namespace Matching.Solving;

/// <summary>
/// The fast exact back end, for components where no rule couples two items beyond a plain count at each bin:
/// every item is its own family, and each bin either takes any few one-child items up to a number, or takes at
/// most one item (a household kept to one sibling group, or one where no two of its candidates fit together).
/// Then the lexicographic objective (most children, then best score) is a minimum-cost flow: a maximum flow when
/// every item is one child, else a flow where each item is worth its children times a weight larger than any
/// possible score difference.
/// </summary>
internal static class FlowBackend
{
    /// <summary>True when the component has the structure min-cost flow solves exactly.</summary>
    /// <remarks>Placing every item (generalized assignment) is checked from the flow only when each item is one unit.</remarks>
    public static bool Applies(AssignmentModel m) =>
        (!m.AssignAll || m.ItemValue.All(v => v == 1)) && BinLimits(m) is not null;

    /// <summary>How many items each bin may take, or null when some bin's rule couples its items.</summary>
    internal static int[]? BinLimits(AssignmentModel m) => Limits(m, conservative: false);

    /// <summary>
    /// Item counts per bin that no plan can break, whatever it couples: a bin whose rules couple its items takes
    /// one item; families of several items are treated item by item. A flow under these limits is always a valid
    /// plan (a good first plan for a large component), though not always the best one.
    /// </summary>
    internal static int[] SafeLimits(AssignmentModel m) => Limits(m, conservative: true)!;

    private static int[]? Limits(AssignmentModel m, bool conservative)
    {
        var familySeen = new bool[m.FamilyCount];
        foreach (var f in m.ItemFamily)
        {
            if (familySeen[f] && !conservative)
            {
                return null; // several items of one family: split penalties and family limits couple them
            }

            familySeen[f] = true;
        }

        var arcs = new int[m.BinCount];
        var exclusive = new int[m.BinCount];
        var heavy = new int[m.BinCount];
        var smallest = Enumerable.Repeat(int.MaxValue, m.BinCount).ToArray();
        var second = Enumerable.Repeat(int.MaxValue, m.BinCount).ToArray();
        for (var a = 0; a < m.ArcCount; a++)
        {
            var b = m.ArcBin[a];
            arcs[b]++;
            exclusive[b] += m.ArcExclusive[a] ? 1 : 0;
            heavy[b] += m.ArcLoad[a] != 1 ? 1 : 0;
            var load = m.ArcLoad[a];
            if (load < smallest[b])
            {
                second[b] = smallest[b];
                smallest[b] = load;
            }
            else if (load < second[b])
            {
                second[b] = load;
            }
        }

        var limits = new int[m.BinCount];
        for (var b = 0; b < m.BinCount; b++)
        {
            var cap = Math.Min(m.BinCapacity[b], m.BinFamilyLoadCap[b]);
            var pairLimit = Math.Min(m.BinCapacity[b], m.BinMixedCapacity[b]);
            if (arcs[b] == 0 || cap <= 0)
            {
                limits[b] = 0;
            }
            else if (exclusive[b] == arcs[b] || (long)smallest[b] + second[b] > pairLimit)
            {
                limits[b] = 1; // one family only, or no two candidates fit together
            }
            else if (heavy[b] == 0 && exclusive[b] == 0)
            {
                // One item alone is never "mixed"; two or more are, so they also need the mixed capacity.
                // Treated item by item, two children of one family must also fit its family limit.
                limits[b] = Math.Max(1, conservative ? Math.Min(pairLimit, m.BinFamilyLoadCap[b]) : pairLimit);
            }
            else if (conservative)
            {
                limits[b] = 1;
            }
            else
            {
                return null;
            }
        }

        return limits;
    }

    public static AssignmentSolution Solve(AssignmentModel m) =>
        Solve(m, BinLimits(m) ?? throw new InvalidOperationException("Min-cost flow does not apply to this component."), exact: true);

    /// <summary>
    /// A valid plan quickly: the flow under <see cref="SafeLimits"/>, optimal only when those are the component's own
    /// rules; otherwise the better of it and <see cref="WholeGroupsFirst"/> (sibling groups placed whole first).
    /// </summary>
    public static AssignmentSolution SolveSafely(AssignmentModel m)
    {
        var plain = SolvePlainSafely(m);
        // Only groups at one-family homes (permanence) lose by the plain limits: elsewhere a home that takes several
        // children takes siblings together in the plain flow already (measured: no gain at 5,000 x 42,600 fostering).
        if (plain.Status == SolveStatus.Optimal || plain.Status == SolveStatus.Infeasible || AllGroupsWhole(m, plain.ItemArc)
            || !GroupsAtExclusiveHomes(m) || WholeGroupsFirst.Plan(m) is not { } groups)
        {
            return plain;
        }

        var (value, score) = ModelPlan.Measure(m, groups);
        return value > plain.Value || (value == plain.Value && score > plain.Score)
            ? new AssignmentSolution { ItemArc = groups, Status = SolveStatus.Feasible, Value = value, Score = score, ScoreBound = null, Method = "min-cost-flow" }
            : plain;
    }

    /// <summary>True when every group of several items is placed whole at one bin: nothing for groups-first to mend.</summary>
    private static bool AllGroupsWhole(AssignmentModel m, int[] itemArc)
    {
        var bin = new Dictionary<int, int>();
        var multi = new HashSet<int>();
        for (var i = 0; i < m.ItemCount; i++)
        {
            var b = itemArc[i] >= 0 ? m.ArcBin[itemArc[i]] : -1;
            if (bin.TryGetValue(m.ItemFamily[i], out var seen))
            {
                multi.Add(m.ItemFamily[i]);
                if (seen != b || b < 0)
                {
                    return false;
                }
            }
            else
            {
                bin[m.ItemFamily[i]] = b;
            }
        }

        return multi.All(f => bin[f] >= 0);
    }

    private static bool GroupsAtExclusiveHomes(AssignmentModel m)
    {
        var size = new int[m.FamilyCount];
        foreach (var f in m.ItemFamily)
        {
            size[f]++;
        }

        return Enumerable.Range(0, m.ArcCount).Any(a => m.ArcExclusive[a] && size[m.ItemFamily[m.ArcItem[a]]] > 1);
    }

    /// <summary>The flow under <see cref="SafeLimits"/> alone.</summary>
    internal static AssignmentSolution SolvePlainSafely(AssignmentModel m) => Solve(m, SafeLimits(m), BinLimits(m) is not null);

    private static AssignmentSolution Solve(AssignmentModel m, int[] binLimit, bool exact)
    {
        // Pinned items are placed first; the flow decides the rest around them.
        var itemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        long pinnedScore = 0;
        long pinnedValue = 0;
        var free = 0;
        for (var i = 0; i < m.ItemCount; i++)
        {
            var a = m.ItemForcedArc[i];
            if (a >= 0)
            {
                itemArc[i] = a;
                pinnedScore += m.ArcScore[a];
                pinnedValue += m.ItemValue[i];
                binLimit[m.ArcBin[a]]--;
            }
            else
            {
                free++;
            }
        }

        if (binLimit.Any(l => l < 0))
        {
            return Infeasible(m);
        }

        // Minimise cost = weight - worth, where an arc is worth (children x childWeight + score). The weight shift
        // keeps costs non-negative; childWeight exceeds any score difference, so placing one more child always
        // beats any gain in score. With one child per item every maximum flow places the same number, so the
        // child weight is not needed and a maximum flow of minimum cost is solved instead.
        var unitValues = m.ItemValue.All(v => v == 1);
        long maxScore = 0, minScore = 0;
        for (var a = 0; a < m.ArcCount; a++)
        {
            maxScore = Math.Max(maxScore, m.ArcScore[a]);
            minScore = Math.Min(minScore, m.ArcScore[a]);
        }

        var childWeight = unitValues ? 0 : checked(((maxScore - minScore) * ((long)Math.Min(free, m.BinCount) + 1)) + 1);
        long Worth(int a) => checked((m.ItemValue[m.ArcItem[a]] * childWeight) + m.ArcScore[a]);
        long shift = 0;
        for (var a = 0; a < m.ArcCount; a++)
        {
            shift = Math.Max(shift, Worth(a));
        }

        var flow = new MinCostFlow();
        const int source = 0;
        const int sink = 1;
        int ItemNode(int i) => 2 + i;
        int BinNode(int b) => 2 + m.ItemCount + b;
        for (var i = 0; i < m.ItemCount; i++)
        {
            if (m.ItemForcedArc[i] < 0)
            {
                flow.AddArcWithCapacityAndUnitCost(source, ItemNode(i), 1, 0);
            }
        }

        var arcIndex = new int[m.ArcCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            arcIndex[a] = m.ItemForcedArc[m.ArcItem[a]] >= 0
                ? -1
                : flow.AddArcWithCapacityAndUnitCost(ItemNode(m.ArcItem[a]), BinNode(m.ArcBin[a]), 1, checked(shift - Worth(a)));
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            if (binLimit[b] > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(BinNode(b), sink, binLimit[b], 0);
            }
        }

        if (!unitValues)
        {
            // Not placing an item costs the whole shift: the cheapest route only when no placement is worth it.
            flow.AddArcWithCapacityAndUnitCost(source, sink, free, shift);
        }

        flow.SetNodeSupply(source, free);
        flow.SetNodeSupply(sink, -free);
        var status = unitValues ? flow.SolveMaxFlowWithMinCost() : flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow ended with status {status}.");
        }

        long value = pinnedValue, score = pinnedScore, worth = 0, placedByFlow = 0;
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (arcIndex[a] >= 0 && flow.Flow(arcIndex[a]) > 0)
            {
                itemArc[m.ArcItem[a]] = a;
                value += m.ItemValue[m.ArcItem[a]];
                score += m.ArcScore[a];
                worth += Worth(a);
                placedByFlow++;
            }
        }

        if (m.AssignAll && itemArc.Any(a => a < 0))
        {
            return Infeasible(m);
        }

        // The flow's own optimal cost must account for the plan read back from it, term for term.
        var expectedCost = checked((placedByFlow * shift) - worth + (unitValues ? 0 : (free - placedByFlow) * shift));
        if (flow.OptimalCost() != expectedCost)
        {
            throw new InvalidOperationException("Min-cost flow cost and plan score disagree.");
        }

        if (!exact)
        {
            score = checked(score - SplitPenalties(m, itemArc));
        }

        return new AssignmentSolution
        {
            ItemArc = itemArc,
            Status = exact ? SolveStatus.Optimal : SolveStatus.Feasible,
            Value = value,
            Score = score,
            ScoreBound = exact ? score : null,
            Method = "min-cost-flow",
        };
    }

    /// <summary>Split penalties of a plan: each extra bin a family uses, and each far arc used while split.</summary>
    internal static long SplitPenalties(AssignmentModel m, int[] itemArc)
    {
        long penalty = 0;
        foreach (var family in Enumerable.Range(0, m.ItemCount).Where(i => itemArc[i] >= 0).GroupBy(i => m.ItemFamily[i]))
        {
            var bins = family.Select(i => m.ArcBin[itemArc[i]]).Distinct().Count();
            if (bins > 1)
            {
                penalty = checked(penalty + (m.FamilySplitPenalty[family.Key] * (bins - 1))
                    + (m.FamilyFarPenalty[family.Key] * family.Count(i => m.ArcFar[itemArc[i]])));
            }
        }

        return penalty;
    }

    private static AssignmentSolution Infeasible(AssignmentModel m) => new()
    {
        ItemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray(),
        Status = SolveStatus.Infeasible,
        Value = 0,
        Score = 0,
        ScoreBound = null,
        Method = "min-cost-flow",
    };
}
