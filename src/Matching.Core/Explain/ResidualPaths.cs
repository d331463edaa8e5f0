namespace Matching.Explain;

/// <summary>
/// Shortest paths in the residual graph of an optimal flow, which has negative lengths but no negative cycle:
/// Bellman-Ford potentials once, then Dijkstra on reduced (non-negative) lengths towards any target node.
/// </summary>
internal sealed class ResidualPaths
{
    /// <summary>The distance of an unreachable node.</summary>
    public const long Infinity = long.MaxValue / 4;

    private readonly long[] potential;
    private readonly List<(int From, long Length, int Edge)>[] incoming;

    private ResidualPaths(long[] potential, List<(int From, long Length, int Edge)>[] incoming)
    {
        this.potential = potential;
        this.incoming = incoming;
    }

    /// <summary>The paths of a graph given edge by edge; null when it has a negative cycle (the flow was not optimal).</summary>
    public static ResidualPaths? Create(int nodes, IReadOnlyList<int> from, IReadOnlyList<int> to, IReadOnlyList<long> length)
    {
        if (Potentials(nodes, from, to, length) is not { } potential)
        {
            return null;
        }

        var incoming = new List<(int From, long Length, int Edge)>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            incoming[v] = [];
        }

        for (var e = 0; e < from.Count; e++)
        {
            incoming[to[e]].Add((from[e], checked(length[e] + potential[from[e]] - potential[to[e]]), e));
        }

        return new ResidualPaths(potential, incoming);
    }

    /// <summary>
    /// True shortest distances from every node to <paramref name="target"/> (Infinity when unreachable), and for each
    /// node the first edge of its shortest path (-1 for the target and unreachable nodes). Ties go to the node
    /// settled first, and the heap orders equal distances by node, so the paths are the same on every run.
    /// </summary>
    public (long[] Distance, int[] NextEdge) DistancesTo(int target)
    {
        var n = incoming.Length;
        var reduced = new long[n];
        var next = new int[n];
        Array.Fill(reduced, Infinity);
        Array.Fill(next, -1);
        reduced[target] = 0;
        var done = new bool[n];
        var heap = new PriorityQueue<int, (long, int)>();
        heap.Enqueue(target, (0, target));
        while (heap.TryDequeue(out var v, out var key))
        {
            var d = key.Item1;
            if (done[v] || d != reduced[v])
            {
                continue;
            }

            done[v] = true;
            foreach (var (u, l, e) in incoming[v])
            {
                var candidate = d + l;
                if (candidate < reduced[u])
                {
                    reduced[u] = candidate;
                    next[u] = e;
                    heap.Enqueue(u, (candidate, u));
                }
            }
        }

        // Reduced distance d'(u, x) = d(u, x) + p(u) - p(x).
        var distance = new long[n];
        for (var u = 0; u < n; u++)
        {
            distance[u] = reduced[u] >= Infinity ? Infinity : reduced[u] - potential[u] + potential[target];
        }

        return (distance, next);
    }

    /// <summary>Bellman-Ford (queue based) from a virtual root joined to every node; null on a negative cycle.</summary>
    private static long[]? Potentials(int nodes, IReadOnlyList<int> from, IReadOnlyList<int> to, IReadOnlyList<long> length)
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
}
