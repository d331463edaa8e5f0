using Matching.Core.Tests.Support;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class CapacityTests
{
    [Theory]
    [InlineData(2, 0, 2, true)]
    [InlineData(2, 1, 1, true)]
    [InlineData(2, 1, 2, false)]
    [InlineData(1, 1, 1, false)]
    public void Allows_UnitAgainstFreePlaces_RefusesWhenItDoesNotFit(int places, int placed, int unit, bool allowed)
    {
        var pair = Build.Pair(Build.Child(), Build.Carer(places: places) with { Placed = placed }, unitSize: unit);
        Assert.Equal(allowed, new Capacity().Allows(pair));
    }

    [Fact]
    public void Solve_TwoChildrenOnePlace_PlacesOne()
    {
        var problem = Build.Problem([Build.Child("C1"), Build.Child("C2")], [Build.Carer(places: 1)]);
        Assert.Equal(1, new MatchingEngine().Solve(problem).ChildrenPlaced);
    }
}
