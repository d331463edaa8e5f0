using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// Prices every arc of a component solved by min-cost flow at once, exactly, from the residual graph of the optimal
/// flow. With a return arc from sink to source every plan is a circulation, and the difference between the optimal
/// plan and the best plan that uses an arc (item i to bin b) is a set of residual cycles; only one of them holds
/// that arc, and none is negative because the plan is optimal. So the exact cost of forcing the arc is the cheapest
/// residual cycle through it: the arc plus the shortest path from b back to i. Lengths are lexicographic (children
/// lost, then score lost), encoded as one number with a child weight larger than any path's score. One
/// shortest-path tree per item (on the reversed graph, with Bellman-Ford potentials so that Dijkstra applies) prices
/// every arc of the component, instead of one re-solve per arc.
/// </summary>
internal static class FlowPricer
{
    private const long Infinity = ResidualPaths.Infinity;

    /// <summary>
    /// The exact (placements lost, score lost) of forcing each model arc, or null for an arc that cannot be forced;
    /// null as a whole when the residual graph is not what an optimal flow leaves (then the caller re-solves).
    /// </summary>
    public static (long Lost, long Cost)?[]? Price(AssignmentModel m, AssignmentSolution solution)
    {
        var items = m.ItemCount;
        var nodes = 2 + items + m.BinCount;
        const int source = 0;
        const int sink = 1;
        int ItemNode(int i) => 2 + i;
        int BinNode(int b) => 2 + items + b;

        // Bin limits exactly as the flow back end sets them, less what pinned items already take.
        if (FlowBackend.BinLimits(m) is not { } room)
        {
            return null;
        }

        var load = new int[m.BinCount];
        long maxAbsScore = 1;
        for (var a = 0; a < m.ArcCount; a++)
        {
            maxAbsScore = Math.Max(maxAbsScore, Math.Abs(m.ArcScore[a]));
        }

        // A child outweighs the score of any simple path (at most one item-bin arc per node).
        var childWeight = checked((2 * maxAbsScore * nodes) + 1);
        long Worth(int a) => checked((m.ItemValue[m.ArcItem[a]] * childWeight) + m.ArcScore[a]);
        var flowing = false;
        for (var i = 0; i < items; i++)
        {
            if (m.ItemForcedArc[i] >= 0)
            {
                room[m.ArcBin[m.ItemForcedArc[i]]]--;
            }
            else if (solution.ItemArc[i] >= 0)
            {
                load[m.ArcBin[solution.ItemArc[i]]]++;
                flowing = true;
            }
        }

        // Residual arcs, lengths = worth lost by pushing one unit along them.
        var from = new List<int>();
        var to = new List<int>();
        var length = new List<long>();
        void Add(int u, int v, long l)
        {
            from.Add(u);
            to.Add(v);
            length.Add(l);
        }

        Add(sink, source, 0);
        if (flowing)
        {
            Add(source, sink, 0);
        }

        for (var i = 0; i < items; i++)
        {
            if (m.ItemForcedArc[i] >= 0)
            {
                continue;
            }

            if (solution.ItemArc[i] >= 0)
            {
                Add(ItemNode(i), source, 0);
            }
            else
            {
                Add(source, ItemNode(i), 0);
            }
        }

        for (var a = 0; a < m.ArcCount; a++)
        {
            var i = m.ArcItem[a];
            if (m.ItemForcedArc[i] >= 0)
            {
                continue;
            }

            if (solution.ItemArc[i] == a)
            {
                Add(BinNode(m.ArcBin[a]), ItemNode(i), Worth(a));
            }
            else
            {
                Add(ItemNode(i), BinNode(m.ArcBin[a]), -Worth(a));
            }
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            if (load[b] < room[b])
            {
                Add(BinNode(b), sink, 0);
            }

            if (load[b] > 0)
            {
                Add(sink, BinNode(b), 0);
            }
        }

        if (ResidualPaths.Create(nodes, from, to, length) is not { } paths)
        {
            return null;
        }

        var result = new (long Lost, long Cost)?[m.ArcCount];
        var arcsOfItem = ModelIndex.Group(m.ArcItem, items, m.ArcCount);
        for (var i = 0; i < items; i++)
        {
            if (m.ItemForcedArc[i] >= 0)
            {
                result[m.ItemForcedArc[i]] = (0, 0);
                continue;
            }

            var (toItem, _) = paths.DistancesTo(ItemNode(i));
            foreach (var a in arcsOfItem[i])
            {
                var bin = BinNode(m.ArcBin[a]);
                if (solution.ItemArc[i] == a)
                {
                    result[a] = (0, 0);
                }
                else if (toItem[bin] < Infinity)
                {
                    // Decode (children lost) x childWeight + (score lost), the score part being smaller than half a child.
                    var cost = checked(toItem[bin] - Worth(a));
                    var lost = (long)Math.Round(cost / (double)childWeight, MidpointRounding.AwayFromZero);
                    while (cost - (lost * childWeight) > childWeight / 2)
                    {
                        lost++;
                    }

                    while (cost - (lost * childWeight) < -(childWeight / 2))
                    {
                        lost--;
                    }

                    result[a] = (lost, cost - (lost * childWeight));
                }
            }
        }

        return result;
    }
}
