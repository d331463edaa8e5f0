using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class FosteringLimitTests
{
    [Fact]
    public void Allows_FourSiblingsIntoEmptyHome_Allowed()
    {
        var pair = Build.Pair(Build.Child(), Build.Carer(places: 4), unitSize: 4);
        Assert.True(new FosteringLimit(Build.Context()).Allows(pair));
    }

    [Fact]
    public void Allows_TwoMoreWhereTwoArePlaced_Refused()
    {
        var pair = Build.Pair(Build.Child(), Build.Carer(places: 5) with { Placed = 2 }, unitSize: 2);
        Assert.False(new FosteringLimit(Build.Context()).Allows(pair));
    }

    [Fact]
    public void Allows_LimitRaisedInSettings_Allowed()
    {
        var pair = Build.Pair(Build.Child(), Build.Carer(places: 5) with { Placed = 2 }, Build.Context(Build.With("fostering_limit.limit", 4)), unitSize: 2);
        Assert.True(new FosteringLimit(Build.Context(Build.With("fostering_limit.limit", 4))).Allows(pair));
    }

    [Fact]
    public void Solve_TwoUnrelatedPairsOfSiblingsInAHomeForFour_PlacesOnlyOnePair()
    {
        Child Sib(string id, string group) => Build.Child(id) with { SiblingGroup = group };
        var problem = Build.Problem([Sib("A1", "GA"), Sib("A2", "GA"), Sib("B1", "GB"), Sib("B2", "GB")], [Build.Carer(places: 4)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(2, result.ChildrenPlaced);
    }

    [Fact]
    public void Solve_FourSiblingsInAHomeForFour_PlacesAllFour()
    {
        var problem = Build.Problem(Enumerable.Range(1, 4).Select(i => Build.Child($"A{i}") with { SiblingGroup = "GA" }), [Build.Carer(places: 4)]);
        Assert.Equal(4, new MatchingEngine().Solve(problem).ChildrenPlaced);
    }
}
