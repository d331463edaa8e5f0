namespace Matching.Solving;

/// <summary>
/// The generic problem underneath the domain: items (units to place) with a value, bins (carers) with
/// capacities, and arcs (allowed item-bin pairs) with a load and a score. Items belong to families (sibling
/// groups); bins limit how many families they mix. Maximise the total value placed first, then the score.
/// Standard generalized and linear assignment instances are this model with every item its own family.
/// Arrays are indexed by item, bin or arc; arcs are sorted by item then bin.
/// </summary>
internal sealed class AssignmentModel
{
    /// <summary>Primary value of placing each item (children in the unit).</summary>
    public required int[] ItemValue { get; init; }

    /// <summary>Family of each item (a sibling group), 0..FamilyCount-1.</summary>
    public required int[] ItemFamily { get; init; }

    /// <summary>The arc an item is pinned to, or -1.</summary>
    public required int[] ItemForcedArc { get; init; }

    /// <summary>Total load a bin may take.</summary>
    public required int[] BinCapacity { get; init; }

    /// <summary>Total load a bin may take when it holds items of two or more families (the fostering limit).</summary>
    public required int[] BinMixedCapacity { get; init; }

    /// <summary>Most load of one family a bin may take (the largest sibling group it will take).</summary>
    public required int[] BinFamilyLoadCap { get; init; }

    public required int[] ArcItem { get; init; }

    public required int[] ArcBin { get; init; }

    /// <summary>Load the item puts on the bin (children; a GAP weight); never more than the bin's <see cref="BinFamilyLoadCap"/>.</summary>
    public required int[] ArcLoad { get; init; }

    /// <summary>Score of the arc, maximised (milli-points in the domain; minus the cost for GAP).</summary>
    public required long[] ArcScore { get; init; }

    /// <summary>Using this arc means its bin holds no other family (permanence placements).</summary>
    public required bool[] ArcExclusive { get; init; }

    /// <summary>The arc counts as far when its family is split (sibling split rule).</summary>
    public required bool[] ArcFar { get; init; }

    /// <summary>Score lost for each bin beyond the first a family is spread over (0 for single-item families).</summary>
    public required long[] FamilySplitPenalty { get; init; }

    /// <summary>Score lost per far arc used when the family is split.</summary>
    public required long[] FamilyFarPenalty { get; init; }

    /// <summary>Every item must be placed (generalized assignment); otherwise placing is optional.</summary>
    public bool AssignAll { get; init; }

    public int ItemCount => ItemValue.Length;

    public int BinCount => BinCapacity.Length;

    public int ArcCount => ArcItem.Length;

    public int FamilyCount => FamilySplitPenalty.Length;

    /// <summary>The model with only the arcs marked (items, bins and families unchanged), and the original arc of each kept one.</summary>
    public AssignmentModel Restrict(bool[] keep, out int[] arcOf)
    {
        var kept = arcOf = [.. Enumerable.Range(0, ArcCount).Where(a => keep[a])];
        var newIndex = new int[ArcCount];
        Array.Fill(newIndex, -1);
        for (var k = 0; k < kept.Length; k++)
        {
            newIndex[kept[k]] = k;
        }

        return new AssignmentModel
        {
            ItemValue = ItemValue,
            ItemFamily = ItemFamily,
            ItemForcedArc = [.. ItemForcedArc.Select(a => a < 0 ? -1 : newIndex[a])],
            BinCapacity = BinCapacity,
            BinMixedCapacity = BinMixedCapacity,
            BinFamilyLoadCap = BinFamilyLoadCap,
            ArcItem = [.. kept.Select(a => ArcItem[a])],
            ArcBin = [.. kept.Select(a => ArcBin[a])],
            ArcLoad = [.. kept.Select(a => ArcLoad[a])],
            ArcScore = [.. kept.Select(a => ArcScore[a])],
            ArcExclusive = [.. kept.Select(a => ArcExclusive[a])],
            ArcFar = [.. kept.Select(a => ArcFar[a])],
            FamilySplitPenalty = FamilySplitPenalty,
            FamilyFarPenalty = FamilyFarPenalty,
            AssignAll = AssignAll,
        };
    }

    /// <summary>The same model with one more item pinned to one of its arcs (other pins kept).</summary>
    public AssignmentModel WithPinned(int item, int arc)
    {
        var pins = (int[])ItemForcedArc.Clone();
        pins[item] = arc;
        return WithForced(pins);
    }

    /// <summary>The same model with other pins (an arc or -1 per item).</summary>
    public AssignmentModel WithForced(int[] forced) => new()
    {
        ItemValue = ItemValue,
        ItemFamily = ItemFamily,
        ItemForcedArc = forced,
        BinCapacity = BinCapacity,
        BinMixedCapacity = BinMixedCapacity,
        BinFamilyLoadCap = BinFamilyLoadCap,
        ArcItem = ArcItem,
        ArcBin = ArcBin,
        ArcLoad = ArcLoad,
        ArcScore = ArcScore,
        ArcExclusive = ArcExclusive,
        ArcFar = ArcFar,
        FamilySplitPenalty = FamilySplitPenalty,
        FamilyFarPenalty = FamilyFarPenalty,
        AssignAll = AssignAll,
    };
}

/// <summary>What the generic solver found.</summary>
internal sealed class AssignmentSolution
{
    /// <summary>Arc chosen for each item, or -1 when the item is not placed.</summary>
    public required int[] ItemArc { get; init; }

    public required SolveStatus Status { get; init; }

    /// <summary>Total value placed (children).</summary>
    public required long Value { get; init; }

    /// <summary>Total score including family split penalties.</summary>
    public required long Score { get; init; }

    /// <summary>Proved upper bound on the score given the value placed; null when none was proved.</summary>
    public required long? ScoreBound { get; init; }

    /// <summary>Which back end solved it.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The formulation with the cuts the solve added and its whole relaxation (the linear back end only): the
    /// shortlist pricing starts from them instead of cutting again.
    /// </summary>
    public (MipFormulation Formulation, LinearRelaxation Relaxation)? Root { get; init; }
}

/// <summary>The exact back ends.</summary>
internal enum Backend
{
    Auto,
    Flow,
    CpSat,
    Mip,

    /// <summary>The linear relaxation, proving optimality where it is integral, and SCIP on a reduced-cost core where not.</summary>
    LpCore,

    /// <summary>Only the safe flow plan (a valid plan, not always optimal): for tests of that plan alone.</summary>
    SafeFlow,
}

/// <summary>Limits for one generic solve.</summary>
internal sealed record AssignmentSolverOptions
{
    public int Seed { get; init; }

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Which back end; <see cref="Backend.Auto"/> picks by structure and size.</summary>
    public Backend Backend { get; init; } = Backend.Auto;

    /// <summary>With <see cref="Backend.Auto"/>, coupled components up to this many arcs go to CP-SAT, larger ones to the relaxation and core.</summary>
    public int CpSatMaxArcs { get; init; } = 400;

    /// <summary>Accept the relaxation's own plan when its bound proves it (off only to test the core search).</summary>
    public bool RelaxationProof { get; init; } = true;

    /// <summary>Arcs per item in the first core of the relaxation back end, besides those the relaxation uses.</summary>
    public int CoreArcsPerItem { get; init; } = 4;

    /// <summary>Coupled components with more arcs than this get the safe flow plan (valid, reproducible, not proved optimal).</summary>
    public int FlowStartArcs { get; init; } = 20_000;
}
