using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class OneCarerWholeGroupTests
{
    private static Child Sib(string id, SiblingRule rule = SiblingRule.Together) => Build.Child(id) with { SiblingGroup = "G1", Siblings = rule };

    [Fact]
    public void Solve_TogetherGroupOfThreeAndTwoHomesOfTwo_PlacesNobody()
    {
        var problem = Build.Problem([Sib("C1"), Sib("C2"), Sib("C3")], [Build.Carer("K1", places: 2), Build.Carer("K2", places: 2)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(0, result.ChildrenPlaced);
        Assert.Equal(3, result.Unmatched.Length);
    }

    [Fact]
    public void Solve_MaySplitGroup_PlacesAllAcrossTwoHomesWithASplitPenalty()
    {
        var problem = Build.Problem([Sib("C1", SiblingRule.MaySplit), Sib("C2", SiblingRule.MaySplit), Sib("C3", SiblingRule.MaySplit)], [Build.Carer("K1", places: 2), Build.Carer("K2", places: 2)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(3, result.ChildrenPlaced);
        Assert.Equal(2, result.Proposals.Select(p => p.CarerId).Distinct().Count());
        Assert.Equal(-50m, result.Proposals.Sum(p => p.Scores.Single(s => s.RuleId == "sibling_split").Points));
        Assert.Contains(result.Proposals, p => p.Flags.Any(f => f.Contains("split", StringComparison.Ordinal)));
    }

    [Fact]
    public void Solve_RuleSwitchedOff_SplitsAndEchoesTheSetting()
    {
        var settings = MatchingSettings.Default with { DisabledHardRules = ["one_carer_whole_group"] };
        var problem = Build.Problem([Sib("C1"), Sib("C2"), Sib("C3")], [Build.Carer("K1", places: 2), Build.Carer("K2", places: 2)], settings);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(3, result.ChildrenPlaced);
        Assert.Equal("one_carer_whole_group", Assert.Single(result.DisabledHardRules));
    }
}
