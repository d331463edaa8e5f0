using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class PermanenceSolePlacementTests
{
    [Theory]
    [InlineData(PlacementType.Adoption, 1, false)]
    [InlineData(PlacementType.Concurrent, 1, false)]
    [InlineData(PlacementType.Ffa, 0, true)]
    [InlineData(PlacementType.Foster, 1, true)]
    public void Allows_ChildrenAlreadyPlaced_RefusesPermanence(PlacementType type, int placed, bool allowed)
    {
        var pair = Build.Pair(Build.Child(type: type, age: 1), Build.Carer() with { Placed = placed });
        Assert.Equal(allowed, new PermanenceSolePlacement().Allows(pair));
    }

    [Fact]
    public void Solve_AdoptionAndFosterChildForOneHome_NeverSharesTheHome()
    {
        var problem = Build.Problem([Build.Child("C1", PlacementType.Adoption, 1), Build.Child("C2")], [Build.Carer(places: 3)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(1, result.ChildrenPlaced);
    }
}
