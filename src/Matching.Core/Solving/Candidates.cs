namespace Matching.Solving;

/// <summary>
/// Every (unit, carer) pair that all pair-level hard rules allow, with its score. Stored flat, sorted by unit then
/// carer, so memory grows with the pairs kept, not with children times carers.
/// </summary>
internal sealed class Candidates
{
    public required int[] UnitStart { get; init; }

    public required int[] ArcCarer { get; init; }

    public required long[] ArcScore { get; init; }

    /// <summary>For each arc and child of its unit: true when the child is far from their venue (for sibling splits).</summary>
    public required bool[] ArcFar { get; init; }

    /// <summary>True when some unit had more allowed carers than were kept.</summary>
    public bool Pruned { get; init; }

    public long Count => ArcCarer.LongLength;

    public ReadOnlySpan<int> CarersOf(int unit) => ArcCarer.AsSpan(UnitStart[unit], UnitStart[unit + 1] - UnitStart[unit]);

    /// <summary>The arc of <paramref name="unit"/> to <paramref name="carer"/>, or -1.</summary>
    public int ArcOf(int unit, int carer)
    {
        var i = Array.BinarySearch(ArcCarer, UnitStart[unit], UnitStart[unit + 1] - UnitStart[unit], carer);
        return i >= 0 ? i : -1;
    }
}
