using Matching.Rules.Hard;

namespace Matching.Solving;

/// <summary>The generic model of one component, and the maps back to units, carers and candidate arcs.</summary>
internal sealed class ComponentModel
{
    private ComponentModel(AssignmentModel model, int[] units, int[] carers, int[] arcs)
    {
        Model = model;
        Units = units;
        Carers = carers;
        Arcs = arcs;
    }

    public AssignmentModel Model { get; }

    /// <summary>Batch unit of each item.</summary>
    public int[] Units { get; }

    /// <summary>Batch carer of each bin.</summary>
    public int[] Carers { get; }

    /// <summary>Candidate arc of each model arc.</summary>
    public int[] Arcs { get; }

    public static ComponentModel Build(PreparedBatch batch, Candidates candidates, int[] units, int?[] pinnedCarer)
    {
        var rules = batch.Rules;
        var carers = units.SelectMany(u => candidates.CarersOf(u).ToArray()).Distinct().Order().ToArray();
        var binOf = new Dictionary<int, int>(carers.Length);
        for (var b = 0; b < carers.Length; b++)
        {
            binOf[carers[b]] = b;
        }

        var familyOf = new Dictionary<int, int>();
        var itemFamily = new int[units.Length];
        var itemValue = new int[units.Length];
        var forced = new int[units.Length];
        var arcs = new List<int>();
        var arcItem = new List<int>();
        for (var i = 0; i < units.Length; i++)
        {
            var unit = batch.Units[units[i]];
            if (!familyOf.TryGetValue(unit.Group, out var f))
            {
                familyOf[unit.Group] = f = familyOf.Count;
            }

            itemFamily[i] = f;
            itemValue[i] = unit.Size;
            forced[i] = -1;
            for (var a = candidates.UnitStart[units[i]]; a < candidates.UnitStart[units[i] + 1]; a++)
            {
                if (pinnedCarer[units[i]] == candidates.ArcCarer[a])
                {
                    forced[i] = arcs.Count;
                }

                arcs.Add(a);
                arcItem.Add(i);
            }
        }

        var familyCount = familyOf.Count;
        var familySize = new int[familyCount];
        foreach (var f in itemFamily)
        {
            familySize[f]++;
        }

        var splitPenalty = new long[familyCount];
        var farPenalty = new long[familyCount];
        for (var f = 0; f < familyCount; f++)
        {
            if (familySize[f] > 1)
            {
                splitPenalty[f] = Points.ToMilli(rules.SplitWeight);
                farPenalty[f] = Points.ToMilli(rules.SplitWeight * rules.SplitFarChild);
            }
        }

        var limits = carers.Select(c => BinLimits.Of(rules, batch.Carers[c])).ToArray();
        var model = new AssignmentModel
        {
            ItemValue = itemValue,
            ItemFamily = itemFamily,
            ItemForcedArc = forced,
            BinCapacity = [.. limits.Select(l => l.Capacity)],
            BinMixedCapacity = [.. limits.Select(l => l.MixedCapacity)],
            BinFamilyLoadCap = [.. limits.Select(l => l.FamilyLoadCap)],
            ArcItem = [.. arcItem],
            ArcBin = [.. arcs.Select(a => binOf[candidates.ArcCarer[a]])],
            ArcLoad = [.. arcItem.Select(i => itemValue[i])],
            ArcScore = [.. arcs.Select(a => candidates.ArcScore[a])],
            ArcExclusive = [.. arcItem.Select(i => rules.PermanenceSoleOn && batch.Units[units[i]].Children.Any(c => PermanenceSolePlacement.IsPermanence(c.PlacementType)))],
            ArcFar = [.. arcs.Select(a => candidates.ArcFar[a])],
            FamilySplitPenalty = splitPenalty,
            FamilyFarPenalty = farPenalty,
        };
        return new ComponentModel(model, units, carers, [.. arcs]);
    }
}
