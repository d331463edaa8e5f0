using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class NearHomeAndSchoolTests
{
    [Fact]
    public void MatchWeight_Fostering_TenthOfMilesToHomeAndSchool()
    {
        var child = Build.Child() with { Home = Build.North21, School = Build.North21 };
        var pair = Build.Pair(child, Build.Carer());
        var miles = Build.Cambridge.MilesTo(Build.North21);
        Assert.Equal(2 * miles / 10, new NearHomeAndSchool().MatchWeight(pair), 9);
    }

    [Fact]
    public void MatchWeight_Adoption_Zero()
    {
        var child = Build.Child(type: PlacementType.Adoption) with { Home = Build.North21 };
        Assert.Equal(0, new NearHomeAndSchool().MatchWeight(Build.Pair(child, Build.Carer())));
    }

    [Fact]
    public void Solve_FosterPlacementOverTwentyMilesFromHome_IsFlagged()
    {
        var problem = Build.Problem([Build.Child() with { Home = Build.North21 }], [Build.Carer()]);
        var proposal = Assert.Single(new MatchingEngine().Solve(problem).Proposals);
        Assert.Contains(proposal.Flags, f => f.Contains("director", StringComparison.Ordinal));
    }
}
