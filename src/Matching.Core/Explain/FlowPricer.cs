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
    private const long Infinity = long.MaxValue / 4;

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

        var potential = Potentials(nodes, from, to, length);
        if (potential is null)
        {
            return null;
        }

        // Reversed adjacency with reduced (non-negative) lengths.
        var incoming = new List<(int From, long Length)>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            incoming[v] = [];
        }

        for (var e = 0; e < from.Count; e++)
        {
            incoming[to[e]].Add((from[e], length[e] + potential[from[e]] - potential[to[e]]));
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

            var toItem = DistancesTo(ItemNode(i), incoming, potential);
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

    /// <summary>Bellman-Ford (queue based) from a virtual root joined to every node; null on a negative cycle.</summary>
    private static long[]? Potentials(int nodes, List<int> from, List<int> to, List<long> length)
    {
        var outgoing = new List<int>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            outgoing[v] = [];
        }

        for (var e = 0; e < from.Count; e++)
        {
            outgoing[from[e]].Add(e);
        }

        var distance = new long[nodes];
        var relaxed = new int[nodes];
        var queued = new bool[nodes];
        var queue = new Queue<int>();
        for (var v = 0; v < nodes; v++)
        {
            queue.Enqueue(v);
            queued[v] = true;
        }

        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            queued[u] = false;
            foreach (var e in outgoing[u])
            {
                var v = to[e];
                if (distance[u] + length[e] < distance[v])
                {
                    distance[v] = distance[u] + length[e];
                    if (++relaxed[v] > nodes)
                    {
                        return null;
                    }

                    if (!queued[v])
                    {
                        queue.Enqueue(v);
                        queued[v] = true;
                    }
                }
            }
        }

        return distance;
    }

    /// <summary>True shortest distances from every node to <paramref name="target"/> (Infinity when unreachable).</summary>
    private static long[] DistancesTo(int target, List<(int From, long Length)>[] incoming, long[] potential)
    {
        var n = incoming.Length;
        var reduced = new long[n];
        Array.Fill(reduced, Infinity);
        reduced[target] = 0;
        var done = new bool[n];
        var heap = new PriorityQueue<int, long>();
        heap.Enqueue(target, 0);
        while (heap.TryDequeue(out var v, out var d))
        {
            if (done[v] || d != reduced[v])
            {
                continue;
            }

            done[v] = true;
            foreach (var (u, l) in incoming[v])
            {
                var candidate = d + l;
                if (candidate < reduced[u])
                {
                    reduced[u] = candidate;
                    heap.Enqueue(u, candidate);
                }
            }
        }

        // Reduced distance d'(u, x) = d(u, x) + p(u) - p(x).
        var distance = new long[n];
        for (var u = 0; u < n; u++)
        {
            distance[u] = reduced[u] >= Infinity ? Infinity : reduced[u] - potential[u] + potential[target];
        }

        return distance;
    }
}
