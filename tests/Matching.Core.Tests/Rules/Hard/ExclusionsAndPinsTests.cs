using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class ExclusionsAndPinsTests
{
    [Fact]
    public void Allows_ExcludedCarer_Refused()
    {
        var child = Build.Child() with { ExcludedCarers = ["K1"] };
        Assert.False(new ExclusionsAndPins().Allows(Build.Pair(child, Build.Carer("K1"))));
        Assert.True(new ExclusionsAndPins().Allows(Build.Pair(child, Build.Carer("K2"))));
    }

    [Fact]
    public void Solve_Pin_KeepsThePinnedCarerEvenWhenAnotherScoresBetter()
    {
        var far = Build.Carer("K2") with { Location = Build.North21 };
        var problem = Build.Problem([Build.Child() with { ContactPerWeek = 3 }], [Build.Carer("K1"), far], pins: [new Pin("C1", "K2")]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal("K2", Assert.Single(result.Proposals).CarerId);
        Assert.True(result.Proposals[0].Pinned);
    }

    [Fact]
    public void Solve_PinBreakingARule_IsAConflictNamingPinAndRule()
    {
        var problem = Build.Problem([Build.Child() with { ExcludedCarers = ["K1"] }], [Build.Carer("K1")], pins: [new Pin("C1", "K1")]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        var conflict = Assert.Single(result.PinConflicts);
        Assert.Contains("C1→K1", conflict, StringComparison.Ordinal);
        Assert.Contains("exclusions_and_pins", conflict, StringComparison.Ordinal);
        Assert.Empty(result.Proposals);
    }

    [Fact]
    public void Solve_PinsOverfillingACarer_IsACapacityConflict()
    {
        var problem = Build.Problem([Build.Child("C1"), Build.Child("C2")], [Build.Carer("K1", places: 1)], pins: [new Pin("C1", "K1"), new Pin("C2", "K1")]);
        var conflict = Assert.Single(new MatchingEngine().Solve(problem).PinConflicts);
        Assert.Contains("capacity", conflict, StringComparison.Ordinal);
    }
}
