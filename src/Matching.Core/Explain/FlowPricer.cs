using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// Prices every arc of a component solved by min-cost flow at once, exactly, from the residual graph of the optimal
/// flow. Forcing an unused arc (item i to bin b) changes the optimal flow by the cheapest residual cycle through
/// that arc when one exists (same children placed), else by the cheapest sink-to-source path through it (one child
/// fewer): every other part of a difference between two flows is a residual cycle, and none is negative because
/// the flow is optimal. So one shortest-path tree per item (on the reversed graph, with Bellman-Ford potentials so
/// that Dijkstra applies) gives the exact lexicographic cost of forcing every arc, instead of one re-solve per arc.
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
        var binExclusive = new bool[m.BinCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            binExclusive[m.ArcBin[a]] |= m.ArcExclusive[a];
        }

        var room = new int[m.BinCount];
        var load = new int[m.BinCount];
        for (var b = 0; b < m.BinCount; b++)
        {
            room[b] = FlowBackend.BinLimit(m, b, binExclusive[b]);
        }

        for (var i = 0; i < items; i++)
        {
            if (m.ItemForcedArc[i] >= 0)
            {
                room[m.ArcBin[m.ItemForcedArc[i]]]--;
            }
            else if (solution.ItemArc[i] >= 0)
            {
                load[m.ArcBin[solution.ItemArc[i]]]++;
            }
        }

        // Residual arcs, lengths in milli-points of score lost by pushing one unit along them.
        var from = new List<int>();
        var to = new List<int>();
        var length = new List<long>();
        void Add(int u, int v, long l)
        {
            from.Add(u);
            to.Add(v);
            length.Add(l);
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
                Add(BinNode(m.ArcBin[a]), ItemNode(i), m.ArcScore[a]);
            }
            else
            {
                Add(ItemNode(i), BinNode(m.ArcBin[a]), -m.ArcScore[a]);
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

        var toSource = DistancesTo(source, incoming, potential);
        var result = new (long Lost, long Cost)?[m.ArcCount];
        var arcsOfItem = CpSatBackend.Group(m.ArcItem, items, m.ArcCount);
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
                if (solution.ItemArc[i] == a)
                {
                    result[a] = (0, 0);
                    continue;
                }

                var bin = BinNode(m.ArcBin[a]);
                if (toItem[bin] < Infinity)
                {
                    result[a] = (0, checked(toItem[bin] - m.ArcScore[a]));
                }
                else if (toItem[sink] < Infinity && toSource[bin] < Infinity)
                {
                    result[a] = (1, checked(toItem[sink] - m.ArcScore[a] + toSource[bin]));
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
