namespace Matching.Solving;

/// <summary>
/// A second safe plan for large coupled components, for what the plain safe flow does badly: it gives every
/// household that couples its children one unit, so brothers and sisters who may split but could share a home are
/// split or left out. Here each group of several items first goes whole, as one unit, to a household that can take
/// all of it (a safe flow over single children and whole groups); then the children still unplaced go one by one to
/// the households still empty (a second safe flow). Both flows keep every rule by construction and the plan is
/// checked again against the model; the caller keeps the better of this and the plain safe plan.
/// </summary>
internal static class WholeGroupsFirst
{
    /// <summary>The plan, or null when the model has no group of several items, has pins in one, or must place everything.</summary>
    public static int[]? Plan(AssignmentModel m)
    {
        // Plain arrays only: this runs on national-scale components of millions of arcs.
        var arcsOfItem = ModelIndex.Group(m.ArcItem, m.ItemCount, m.ArcCount);
        var itemsOfFamily = ModelIndex.Group(m.ItemFamily, m.FamilyCount, m.ItemCount);
        if (m.AssignAll || !itemsOfFamily.Any(items => items.Length > 1)
            || itemsOfFamily.Any(items => items.Length > 1 && items.Any(i => m.ItemForcedArc[i] >= 0)))
        {
            return null;
        }

        // Stage 1: single items as they are (each arc its own), each group as one item with an arc to every bin
        // where all its items have one and their load fits the bin whole.
        var unitItems = new List<int[]>();
        var itemValue = new List<int>();
        var forced = new List<int>();
        var arcItem = new List<int>();
        var arcBin = new List<int>();
        var arcLoad = new List<int>();
        var arcScore = new List<long>();
        var arcExclusive = new List<bool>();
        var original = new List<int>(); // the model arc of a single item's arc, or -1 - (index into groupParts)
        var groupParts = new List<int[]>();
        foreach (var items in itemsOfFamily.Where(items => items.Length > 0))
        {
            var unit = unitItems.Count;
            unitItems.Add(items);
            itemValue.Add(items.Sum(i => m.ItemValue[i]));
            forced.Add(-1);
            if (items.Length == 1)
            {
                foreach (var a in arcsOfItem[items[0]])
                {
                    if (m.ItemForcedArc[items[0]] == a)
                    {
                        forced[unit] = arcItem.Count;
                    }

                    arcItem.Add(unit);
                    arcBin.Add(m.ArcBin[a]);
                    arcLoad.Add(m.ArcLoad[a]);
                    arcScore.Add(m.ArcScore[a]);
                    arcExclusive.Add(m.ArcExclusive[a]);
                    original.Add(a);
                }

                continue;
            }

            var atBin = items.Select(i => arcsOfItem[i].ToDictionary(a => m.ArcBin[a])).ToArray();
            foreach (var b in atBin[0].Keys.Where(b => atBin.All(d => d.ContainsKey(b))).Order())
            {
                var parts = atBin.Select(d => d[b]).ToArray();
                var load = parts.Sum(a => (long)m.ArcLoad[a]);
                if (load > Math.Min(m.BinCapacity[b], m.BinFamilyLoadCap[b]))
                {
                    continue;
                }

                arcItem.Add(unit);
                arcBin.Add(b);
                arcLoad.Add((int)load);
                arcScore.Add(parts.Sum(a => m.ArcScore[a]));
                arcExclusive.Add(parts.Any(a => m.ArcExclusive[a]));
                original.Add(-1 - groupParts.Count);
                groupParts.Add(parts);
            }
        }

        var whole = new AssignmentModel
        {
            ItemValue = [.. itemValue],
            ItemFamily = [.. Enumerable.Range(0, unitItems.Count)],
            ItemForcedArc = [.. forced],
            BinCapacity = m.BinCapacity,
            BinMixedCapacity = m.BinMixedCapacity,
            BinFamilyLoadCap = m.BinFamilyLoadCap,
            ArcItem = [.. arcItem],
            ArcBin = [.. arcBin],
            ArcLoad = [.. arcLoad],
            ArcScore = [.. arcScore],
            ArcExclusive = [.. arcExclusive],
            ArcFar = new bool[arcItem.Count],
            FamilySplitPenalty = new long[unitItems.Count],
            FamilyFarPenalty = new long[unitItems.Count],
        };
        var first = FlowBackend.SolvePlainSafely(whole);
        if (first.Status is not (SolveStatus.Optimal or SolveStatus.Feasible))
        {
            return null;
        }

        var plan = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        var used = new bool[m.BinCount];
        for (var u = 0; u < unitItems.Count; u++)
        {
            if (first.ItemArc[u] >= 0)
            {
                var o = original[first.ItemArc[u]];
                foreach (var a in o >= 0 ? [o] : groupParts[-1 - o])
                {
                    plan[m.ArcItem[a]] = a;
                }

                used[whole.ArcBin[first.ItemArc[u]]] = true;
            }
        }

        // Stage 2: the items still unplaced, one by one, on the bins nobody uses yet.
        var rest = Enumerable.Range(0, m.ItemCount).Where(i => plan[i] < 0).ToArray();
        var keep = new bool[m.ArcCount];
        foreach (var i in rest)
        {
            foreach (var a in arcsOfItem[i].Where(a => !used[m.ArcBin[a]]))
            {
                keep[a] = true;
            }
        }

        var leftover = m.Restrict(keep, out var arcOf);
        var second = FlowBackend.SolvePlainSafely(leftover);
        if (second.Status is SolveStatus.Optimal or SolveStatus.Feasible)
        {
            for (var i = 0; i < m.ItemCount; i++)
            {
                if (second.ItemArc[i] >= 0)
                {
                    plan[i] = arcOf[second.ItemArc[i]];
                }
            }
        }

        return ModelPlan.IsValid(m, plan) ? plan : null;
    }
}
