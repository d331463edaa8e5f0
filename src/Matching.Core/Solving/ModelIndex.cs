namespace Matching.Solving;

/// <summary>Lookups over one <see cref="AssignmentModel"/> that every back end needs, built once, in a stable order.</summary>
internal sealed class ModelIndex
{
    public ModelIndex(AssignmentModel m)
    {
        ArcsOfItem = Group(m.ArcItem, m.ItemCount, m.ArcCount);
        ArcsOfBin = Group(m.ArcBin, m.BinCount, m.ArcCount);
        ItemsOfFamily = Group(m.ItemFamily, m.FamilyCount, m.ItemCount);
        var atBin = new SortedDictionary<(int Family, int Bin), List<int>>();
        for (var a = 0; a < m.ArcCount; a++)
        {
            var key = (m.ItemFamily[m.ArcItem[a]], m.ArcBin[a]);
            if (!atBin.TryGetValue(key, out var list))
            {
                atBin[key] = list = [];
            }

            list.Add(a);
        }

        FamilyArcsAtBin = atBin.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray();
        arcsAt = FamilyArcsAtBin.ToDictionary(f => f.Key, f => f.Arcs);
        FamiliesAtBin = Group([.. FamilyArcsAtBin.Select(f => f.Key.Bin)], m.BinCount, FamilyArcsAtBin.Length)
            .Select(entries => entries.Select(e => FamilyArcsAtBin[e].Key.Family).Order().ToArray())
            .ToArray();
        BinsOfFamily = Group([.. FamilyArcsAtBin.Select(f => f.Key.Family)], m.FamilyCount, FamilyArcsAtBin.Length)
            .Select(entries => entries.Select(e => FamilyArcsAtBin[e].Key.Bin).ToArray())
            .ToArray();
    }

    private readonly Dictionary<(int Family, int Bin), int[]> arcsAt;

    public int[][] ArcsOfItem { get; }

    public int[][] ArcsOfBin { get; }

    public int[][] ItemsOfFamily { get; }

    /// <summary>The arcs of each family at each bin, ordered by family then bin.</summary>
    public ((int Family, int Bin) Key, int[] Arcs)[] FamilyArcsAtBin { get; }

    /// <summary>The arcs of one family at one bin, ascending (empty when it has none there).</summary>
    public int[] ArcsOfFamilyAt(int family, int bin) => arcsAt.GetValueOrDefault((family, bin), []);

    /// <summary>The families with arcs to each bin, ascending.</summary>
    public int[][] FamiliesAtBin { get; }

    /// <summary>The bins each family has arcs to, ascending.</summary>
    public int[][] BinsOfFamily { get; }

    /// <summary>Indices 0..count-1 grouped by their key, each group ascending.</summary>
    public static int[][] Group(int[] keys, int groups, int count)
    {
        var lists = new List<int>[groups];
        for (var i = 0; i < groups; i++)
        {
            lists[i] = [];
        }

        for (var i = 0; i < count; i++)
        {
            lists[keys[i]].Add(i);
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}
