namespace Matching.Solving;

/// <summary>
/// Checks and scores a plan of one <see cref="AssignmentModel"/> directly from the model's rules, independently of
/// any formulation: used to accept a plan read from a linear relaxation only when it keeps every rule.
/// </summary>
internal static class ModelPlan
{
    /// <summary>True when the plan (an arc or -1 per item) keeps every rule of the model.</summary>
    public static bool IsValid(AssignmentModel m, int[] itemArc)
    {
        var load = new long[m.BinCount];
        var familyLoad = new Dictionary<(int Family, int Bin), long>();
        var families = new Dictionary<int, HashSet<int>>();
        var exclusiveFamily = new Dictionary<int, int>();
        for (var i = 0; i < m.ItemCount; i++)
        {
            var a = itemArc[i];
            if (a < 0)
            {
                if (m.AssignAll || m.ItemForcedArc[i] >= 0)
                {
                    return false;
                }

                continue;
            }

            if (m.ArcItem[a] != i || (m.ItemForcedArc[i] >= 0 && m.ItemForcedArc[i] != a))
            {
                return false;
            }

            var b = m.ArcBin[a];
            var f = m.ItemFamily[i];
            load[b] += m.ArcLoad[a];
            familyLoad[(f, b)] = familyLoad.GetValueOrDefault((f, b)) + m.ArcLoad[a];
            if (!families.TryGetValue(b, out var set))
            {
                families[b] = set = [];
            }

            set.Add(f);
            if (m.ArcExclusive[a])
            {
                exclusiveFamily[b] = f;
            }
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            var count = families.TryGetValue(b, out var set) ? set.Count : 0;
            if (load[b] > m.BinCapacity[b] || (count > 1 && load[b] > m.BinMixedCapacity[b]))
            {
                return false;
            }

            if (count > 1 && exclusiveFamily.ContainsKey(b))
            {
                return false;
            }
        }

        return familyLoad.All(kv => kv.Value <= m.BinFamilyLoadCap[kv.Key.Bin]);
    }

    /// <summary>Children placed and score (arc scores less split penalties) of a plan.</summary>
    public static (long Value, long Score) Measure(AssignmentModel m, int[] itemArc)
    {
        long value = 0, score = 0;
        for (var i = 0; i < m.ItemCount; i++)
        {
            if (itemArc[i] >= 0)
            {
                value += m.ItemValue[i];
                score = checked(score + m.ArcScore[itemArc[i]]);
            }
        }

        return (value, checked(score - FlowBackend.SplitPenalties(m, itemArc)));
    }
}
