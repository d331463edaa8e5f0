using Matching.Core.Tests.Support;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class WaitingTimeTests
{
    [Fact]
    public void MatchWeight_WaitedOneScorecardPeriod_IsOne()
    {
        var pair = Build.Pair(Build.Child() with { EnteredCare = Build.Today.AddDays(-426) }, Build.Carer());
        var rule = new WaitingTime(Build.Context());
        Assert.True(rule.IsReward);
        Assert.Equal(1.0, rule.MatchWeight(pair), 9);
    }

    [Fact]
    public void Solve_OnePlaceTwoChildren_LongerWaitGetsIt()
    {
        var problem = Build.Problem(
            [Build.Child("C1") with { EnteredCare = Build.Today.AddDays(-30) }, Build.Child("C2") with { EnteredCare = Build.Today.AddDays(-600) }],
            [Build.Carer(places: 1)]);
        Assert.Equal("C2", Assert.Single(new MatchingEngine().Solve(problem).Proposals).ChildId);
    }
}
