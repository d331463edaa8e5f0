using Google.OrTools.Graph;
using Matching.Bench.External;

namespace Matching.Bench.Baselines;

/// <summary>OR-Tools' own LinearSumAssignment on a pure one-to-one instance: the floor our overhead is measured against.</summary>
internal static class RawLinearSumAssignment
{
    /// <summary>The optimal total cost, or null when no perfect matching exists.</summary>
    public static long? Solve(LapInstance lap)
    {
        using var assignment = new LinearSumAssignment();
        for (var k = 0; k < lap.ArcCount; k++)
        {
            assignment.AddArcWithCost(lap.ArcRow[k], lap.ArcColumn[k], lap.ArcCost[k]);
        }

        return assignment.Solve() == LinearSumAssignment.Status.OPTIMAL ? assignment.OptimalCost() : null;
    }
}
