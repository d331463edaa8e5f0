using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class StabilityTests
{
    [Fact]
    public void MatchWeight_ChangedFromLastWeek_One()
    {
        var context = Build.Context(null, ("C1", "K1"));
        Assert.Equal(0, new Stability().MatchWeight(Build.Pair(Build.Child(), Build.Carer("K1"), context)));
        Assert.Equal(1, new Stability().MatchWeight(Build.Pair(Build.Child(), Build.Carer("K2"), context)));
        Assert.Equal(0, new Stability().MatchWeight(Build.Pair(Build.Child("C9"), Build.Carer("K2"), context)));
    }

    [Fact]
    public void Solve_TwoEqualCarers_KeepsLastWeeksProposal()
    {
        var problem = Build.Problem([Build.Child()], [Build.Carer("K1"), Build.Carer("K2")]) with { Previous = [new PreviousMatch("C1", "K2")] };
        Assert.Equal("K2", Assert.Single(new MatchingEngine().Solve(problem).Proposals).CarerId);
    }
}
