using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>The "sibling groups whole first" safe plan: always valid, never better than the optimum, and it helps.</summary>
public sealed class WholeGroupsFirstTests
{
    [Fact]
    public void Plan_RandomModels_IsValidNeverBeatsTheOptimumAndSometimesBeatsThePlainSafeFlow()
    {
        int plans = 0, better = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
            if (WholeGroupsFirst.Plan(m) is not { } plan)
            {
                continue;
            }

            plans++;
            Assert.True(AssignmentSolverVersusBruteForceTests.Valid(m, plan), $"seed {seed}: the plan breaks a rule");
            var worth = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
            var optimum = AssignmentSolver.Solve(m, new AssignmentSolverOptions { Backend = Backend.CpSat }, CancellationToken.None);
            Assert.True(worth.Value < optimum.Value || (worth.Value == optimum.Value && worth.Score <= optimum.Score), $"seed {seed}: beats the optimum");
            var plain = FlowBackend.SolvePlainSafely(m);
            if (plain.Status != SolveStatus.Infeasible && (worth.Value > plain.Value || (worth.Value == plain.Value && worth.Score > plain.Score)))
            {
                better++;
            }

            // The safe plan the engine uses is never worse than the plain flow, and where groups meet one-family
            // homes (the only case it tries groups first), never worse than this plan either.
            var safe = FlowBackend.SolveSafely(m);
            Assert.True(plain.Status == SolveStatus.Infeasible || safe.Value > plain.Value || (safe.Value == plain.Value && safe.Score >= plain.Score));
            var groupsAtExclusiveHomes = Enumerable.Range(0, m.ArcCount)
                .Any(a => m.ArcExclusive[a] && m.ItemFamily.Count(f => f == m.ItemFamily[m.ArcItem[a]]) > 1);
            Assert.True(!groupsAtExclusiveHomes || safe.Status == SolveStatus.Optimal
                || safe.Value > worth.Value || (safe.Value == worth.Value && safe.Score >= worth.Score));
        }

        Assert.True(plans > 100 && better > 10, $"{plans} plans, {better} better than the plain safe flow");
    }

    [Fact]
    public void Plan_GroupOfTwoAndATwoPlaceHome_PlacesThemTogether()
    {
        // Two one-place homes and a two-place home; a group of two that may split. The plain safe flow gives each
        // home one child (the group split); whole groups first puts both at the two-place home.
        var m = new AssignmentModel
        {
            ItemValue = [1, 1],
            ItemFamily = [0, 0],
            ItemForcedArc = [-1, -1],
            BinCapacity = [1, 2],
            BinMixedCapacity = [1, 2],
            BinFamilyLoadCap = [1, 2],
            ArcItem = [0, 0, 1, 1],
            ArcBin = [0, 1, 0, 1],
            ArcLoad = [1, 1, 1, 1],
            ArcScore = [900, 100, 900, 100],
            ArcExclusive = [true, true, true, true],
            ArcFar = [false, false, false, false],
            FamilySplitPenalty = [5000],
            FamilyFarPenalty = [0],
        };
        Assert.Equal([1, 3], WholeGroupsFirst.Plan(m)!);
        var safe = FlowBackend.SolveSafely(m);
        Assert.Equal((2L, 200L), (safe.Value, safe.Score));
    }
}
