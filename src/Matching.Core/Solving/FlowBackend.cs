using Google.OrTools.Graph;

namespace Matching.Solving;

/// <summary>
/// The fast exact back end for components where no rule couples two items beyond bin capacity: every item is one
/// child of its own family and each bin's limit is a plain number. Then the lexicographic objective (most
/// children, then best score) is exactly a maximum flow of minimum cost.
/// </summary>
internal static class FlowBackend
{
    /// <summary>True when the component has the structure min-cost flow solves exactly.</summary>
    public static bool Applies(AssignmentModel m)
    {
        if (m.ItemValue.Any(v => v != 1) || m.ArcLoad.Any(l => l != 1))
        {
            return false;
        }

        var familySeen = new bool[m.FamilyCount];
        foreach (var f in m.ItemFamily)
        {
            if (familySeen[f])
            {
                return false; // several items of one family: split penalties and family limits couple them
            }

            familySeen[f] = true;
        }

        // A bin that mixes exclusive and non-exclusive arcs couples items; all-exclusive bins take one item.
        var exclusive = new int[m.BinCount];
        var total = new int[m.BinCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            total[m.ArcBin[a]]++;
            exclusive[m.ArcBin[a]] += m.ArcExclusive[a] ? 1 : 0;
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            if (exclusive[b] != 0 && exclusive[b] != total[b])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Most items a bin can take when every item is a one-child family of its own.</summary>
    public static int BinLimit(AssignmentModel m, int bin, bool allExclusive)
    {
        var cap = m.BinCapacity[bin];
        if (cap <= 0 || m.BinFamilyLoadCap[bin] <= 0)
        {
            return 0;
        }

        // One item alone is never "mixed"; two or more are, so they also need the mixed capacity.
        var limit = Math.Max(1, Math.Min(cap, m.BinMixedCapacity[bin]));
        return allExclusive ? 1 : limit;
    }

    public static AssignmentSolution Solve(AssignmentModel m)
    {
        var binExclusive = new bool[m.BinCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            binExclusive[m.ArcBin[a]] |= m.ArcExclusive[a];
        }

        var binLimit = new int[m.BinCount];
        for (var b = 0; b < m.BinCount; b++)
        {
            binLimit[b] = BinLimit(m, b, binExclusive[b]);
        }

        // Pinned items are placed first; the flow decides the rest around them.
        var itemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        long pinnedScore = 0;
        var pinnedCount = 0;
        for (var i = 0; i < m.ItemCount; i++)
        {
            var a = m.ItemForcedArc[i];
            if (a >= 0)
            {
                itemArc[i] = a;
                pinnedScore += m.ArcScore[a];
                pinnedCount++;
                binLimit[m.ArcBin[a]]--;
            }
        }

        if (binLimit.Any(l => l < 0))
        {
            return Infeasible(m);
        }

        // Costs must be minimised and non-negative: cost = max score - score. Every unit of flow crosses exactly
        // one item-bin arc, so the shift is the same for every maximum flow and the order of plans is unchanged.
        var maxScore = m.ArcScore.Length == 0 ? 0 : m.ArcScore.Max();
        var flow = new MinCostFlow();
        var source = 0;
        var sink = 1;
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
                : flow.AddArcWithCapacityAndUnitCost(ItemNode(m.ArcItem[a]), BinNode(m.ArcBin[a]), 1, checked(maxScore - m.ArcScore[a]));
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            if (binLimit[b] > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(BinNode(b), sink, binLimit[b], 0);
            }
        }

        // Supplies bound the flow; SolveMaxFlowWithMinCost then sends as much of it as the graph allows.
        var free = m.ItemCount - pinnedCount;
        flow.SetNodeSupply(source, free);
        flow.SetNodeSupply(sink, -free);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return Infeasible(m);
        }

        var placed = pinnedCount;
        var score = pinnedScore;
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (arcIndex[a] >= 0 && flow.Flow(arcIndex[a]) > 0)
            {
                itemArc[m.ArcItem[a]] = a;
                placed++;
                score += m.ArcScore[a];
            }
        }

        if (m.AssignAll && placed < m.ItemCount)
        {
            return Infeasible(m);
        }

        // The score the flow itself proved: from its optimal cost, not re-added from the plan.
        var flowScore = checked((flow.MaximumFlow() * maxScore) - flow.OptimalCost() + pinnedScore);
        if (flowScore != score)
        {
            throw new InvalidOperationException("Min-cost flow cost and plan score disagree.");
        }

        return new AssignmentSolution
        {
            ItemArc = itemArc,
            Status = SolveStatus.Optimal,
            Value = placed,
            Score = flowScore,
            ScoreBound = flowScore,
            Method = "min-cost-flow",
        };
    }

    private static AssignmentSolution Infeasible(AssignmentModel m) => new()
    {
        ItemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray(),
        Status = SolveStatus.Infeasible,
        Value = 0,
        Score = 0,
        ScoreBound = 0,
        Method = "min-cost-flow",
    };
}
