using Matching.Solving;

namespace Matching.Bench.External;

/// <summary>
/// Maps the external instances onto the engine's generic solving model: item = job (row), bin = agent (column),
/// an arc for every allowed pair, score = minus the cost for Min (plus the profit for Max), every item its own
/// family, and every item must be placed.
/// </summary>
internal static class ExternalModels
{
    public static AssignmentModel FromGap(GapInstance gap, bool maximise)
    {
        var n = gap.Jobs;
        var m = gap.Agents;
        var arcCount = n * m;
        var arcItem = new int[arcCount];
        var arcBin = new int[arcCount];
        var arcLoad = new int[arcCount];
        var arcScore = new long[arcCount];
        var k = 0;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                arcItem[k] = j;
                arcBin[k] = i;
                arcLoad[k] = gap.LoadOf(i, j);
                arcScore[k] = maximise ? gap.CostOf(i, j) : -gap.CostOf(i, j);
                k++;
            }
        }

        return Build(n, (int[])gap.Capacity.Clone(), arcItem, arcBin, arcLoad, arcScore);
    }

    public static AssignmentModel FromLap(LapInstance lap) =>
        Build(
            lap.Size,
            Enumerable.Repeat(1, lap.Size).ToArray(),
            (int[])lap.ArcRow.Clone(),
            (int[])lap.ArcColumn.Clone(),
            Enumerable.Repeat(1, lap.ArcCount).ToArray(),
            [.. lap.ArcCost.Select(c => -(long)c)]);

    /// <summary>The agent (bin) of each job (item) in a solution, -1 where unplaced.</summary>
    public static int[] BinOfItem(AssignmentModel model, AssignmentSolution solution) =>
        [.. solution.ItemArc.Select(a => a < 0 ? -1 : model.ArcBin[a])];

    private static AssignmentModel Build(int items, int[] capacity, int[] arcItem, int[] arcBin, int[] arcLoad, long[] arcScore) => new()
    {
        ItemValue = Enumerable.Repeat(1, items).ToArray(),
        ItemFamily = Enumerable.Range(0, items).ToArray(),
        ItemForcedArc = Enumerable.Repeat(-1, items).ToArray(),
        BinCapacity = capacity,
        BinMixedCapacity = (int[])capacity.Clone(),
        BinFamilyLoadCap = (int[])capacity.Clone(),
        ArcItem = arcItem,
        ArcBin = arcBin,
        ArcLoad = arcLoad,
        ArcScore = arcScore,
        ArcExclusive = new bool[arcItem.Length],
        ArcFar = new bool[arcItem.Length],
        FamilySplitPenalty = new long[items],
        FamilyFarPenalty = new long[items],
        AssignAll = true,
    };
}
