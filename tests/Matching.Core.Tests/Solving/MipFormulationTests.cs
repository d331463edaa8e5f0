using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// The rows that make the relaxation of fostering weeks tight, each on the smallest model where the plain rows leave
/// a gap (the shapes found in generated fostering weeks 9 and 12): the relaxation's bound, with no cuts, is the best
/// plan's worth found by exhaustive search. That the rows hold for every plan is the business of the random models
/// of <see cref="LinearRelaxationTests"/>, <see cref="CutRoundsTests"/> and the solvers against brute force.
/// </summary>
public sealed class MipFormulationTests
{
    [Fact]
    public void Relaxation_GroupOfFourOverTwoPlaceHomesFarAway_PaysEveryFarPenaltyOfTheSplit()
    {
        // Four siblings; three two-place homes, far (their use costs 25 points each when the group is split), and a
        // one-place home near for each child. Spread at a third over the three far homes, the group is split, and the
        // big-M row alone lets it pay a third of the far penalties' worth off; the row "far and not whole here, with
        // every child placed, means split" does not.
        const int far = 3;
        int[] items = [0, 1, 2, 3];
        var arcs = items.SelectMany(i => Enumerable.Range(0, far).Select(b => (Item: i, Bin: b, Score: -29_000L, Far: true))
            .Append((Item: i, Bin: far + i, Score: -30_000L, Far: false))).ToArray();
        var m = new AssignmentModel
        {
            ItemValue = [1, 1, 1, 1],
            ItemFamily = [0, 0, 0, 0],
            ItemForcedArc = [-1, -1, -1, -1],
            BinCapacity = [2, 2, 2, 1, 1, 1, 1],
            BinMixedCapacity = [2, 2, 2, 1, 1, 1, 1],
            BinFamilyLoadCap = [2, 2, 2, 1, 1, 1, 1],
            ArcItem = [.. arcs.Select(a => a.Item)],
            ArcBin = [.. arcs.Select(a => a.Bin)],
            ArcLoad = [.. arcs.Select(_ => 1)],
            ArcScore = [.. arcs.Select(a => a.Score)],
            ArcExclusive = [.. arcs.Select(_ => false)],
            ArcFar = [.. arcs.Select(a => a.Far)],
            FamilySplitPenalty = [50_000],
            FamilyFarPenalty = [25_000],
        };

        AssertNoGap(m, children: 4, score: -266_000); // two pairs at far homes: 4 x 29 + one split 50 + four far 25
    }

    [Fact]
    public void Relaxation_PairBesideThreeChildrenWhereShared_KeepsTheMixedCapacity()
    {
        // A four-place home with room for three when shared: a pair (one unit of two children) and three children
        // of other families. The mixed-capacity rows let the pair sit beside the three at a half each (3.5 children);
        // the row "past the mixed capacity only alone" keeps it to three.
        var m = new AssignmentModel
        {
            ItemValue = [2, 1, 1, 1],
            ItemFamily = [0, 1, 2, 3],
            ItemForcedArc = [-1, -1, -1, -1],
            BinCapacity = [4],
            BinMixedCapacity = [3],
            BinFamilyLoadCap = [4],
            ArcItem = [0, 1, 2, 3],
            ArcBin = [0, 0, 0, 0],
            ArcLoad = [2, 1, 1, 1],
            ArcScore = [4_000, 1_000, 1_000, 1_000],
            ArcExclusive = [false, false, false, false],
            ArcFar = [false, false, false, false],
            FamilySplitPenalty = [0, 0, 0, 0],
            FamilyFarPenalty = [0, 0, 0, 0],
        };

        AssertNoGap(m, children: 3, score: 5_000); // the pair and one child
    }

    /// <summary>The best plan places the children for the score, and the relaxation's bound is its worth.</summary>
    private static void AssertNoGap(AssignmentModel m, long children, long score)
    {
        var f = MipFormulation.Build(m);
        var (best, _) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
        Assert.Equal((children * f.ChildWeight) + score, best);
        var relaxation = LinearRelaxation.Solve(f, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.NotNull(relaxation);
        Assert.Equal(best, relaxation.Ceiling);
    }
}
