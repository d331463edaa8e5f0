namespace Matching.Solving;

/// <summary>
/// Splits the batch into independent parts: units that share no candidate carer (directly or through others),
/// and whose sibling groups are not shared, can be solved separately and in parallel.
/// </summary>
internal static class Components
{
    /// <summary>Component units, each list ascending, components ordered by their first unit. Units with no candidate are left out.</summary>
    public static List<int[]> Find(PreparedBatch batch, Candidates candidates)
    {
        var units = batch.Units.Length;
        var parent = Enumerable.Range(0, units + batch.Carers.Length).ToArray();
        int Find(int v)
        {
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }

            return v;
        }

        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var firstUnitOfGroup = new Dictionary<int, int>();
        for (var u = 0; u < units; u++)
        {
            foreach (var c in candidates.CarersOf(u))
            {
                Union(u, units + c);
            }

            // Children of one may-split group are scored together (split penalties): keep them in one part.
            if (firstUnitOfGroup.TryGetValue(batch.Units[u].Group, out var first))
            {
                Union(first, u);
            }
            else
            {
                firstUnitOfGroup[batch.Units[u].Group] = u;
            }
        }

        var byRoot = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (var u = 0; u < units; u++)
        {
            var r = Find(u);
            if (!byRoot.TryGetValue(r, out var list))
            {
                byRoot[r] = list = [];
                order.Add(list);
            }

            list.Add(u);
        }

        return [.. order.Where(l => l.Any(u => candidates.CarersOf(u).Length > 0)).Select(l => l.ToArray())];
    }
}
