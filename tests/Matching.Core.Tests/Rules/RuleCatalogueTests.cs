using Matching.Rules;

namespace Matching.Core.Tests.Rules;

public sealed class RuleCatalogueTests
{
    [Fact]
    public void All_ListsH1ToH13ThenS1ToS9_WithUniqueSnakeCaseIds()
    {
        var codes = RuleCatalogue.All.Select(r => r.Code).ToArray();
        string[] expected = [.. Enumerable.Range(1, 13).Select(i => $"H{i}"), .. new[] { "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9" }];
        Assert.Equal(expected.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal), codes.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal));
        Assert.Equal(RuleCatalogue.All.Length, RuleCatalogue.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalogue.All, r => Assert.Matches("^[a-z]+(_[a-z]+)*$", r.Id));
        Assert.All(RuleCatalogue.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }

    [Fact]
    public void Soft_EveryRuleHasAPositiveDefaultWeight_HardRulesHaveNone()
    {
        Assert.All(RuleCatalogue.Soft, r => Assert.True(r.DefaultWeight > 0));
        Assert.All(RuleCatalogue.Hard, r => Assert.Null(r.DefaultWeight));
    }

    [Fact]
    public void RuleSet_BindsEveryPairRuleOfTheCatalogue()
    {
        var set = new RuleSet(Support.Build.Context());
        var bound = set.PairRules.Select(r => r.Id).Concat(set.PairSoftRules.Select(r => r.Id)).ToHashSet();
        var structuralOnly = new[] { "one_carer_whole_group", "sibling_split" };
        Assert.All(RuleCatalogue.All.Where(r => !structuralOnly.Contains(r.Id)), r => Assert.Contains(r.Id, bound));
    }
}
