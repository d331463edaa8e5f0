using Matching.Rules;

namespace Matching.Core.Tests.Rules;

public sealed class MatchingSettingsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(MatchingSettings.Default.Validate());

    [Fact]
    public void Validate_UnknownWeightId_ListsKnownIds()
    {
        var s = MatchingSettings.Default with { Weights = MatchingSettings.Default.Weights.Add("travel", 2) };
        var error = Assert.Single(s.Validate());
        Assert.Contains("'travel'", error, StringComparison.Ordinal);
        Assert.Contains("travel_burden", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownParameterAndHardRule_Reported()
    {
        var s = MatchingSettings.Default with
        {
            Parameters = MatchingSettings.Default.Parameters.Add("contact_distance.bus_miles", 3),
            DisabledHardRules = ["no_such_rule"],
        };
        var errors = s.Validate();
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.Contains("contact_distance.concurrent_miles", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no_such_rule", StringComparison.Ordinal));
    }

    [Fact]
    public void WeightOf_ZeroWeight_RemovesTheRuleFromTheRun()
    {
        var s = MatchingSettings.Default with { Weights = MatchingSettings.Default.Weights.Add("travel_burden", 0) };
        Assert.Equal(0, s.WeightOf("travel_burden"));
        Assert.DoesNotContain(new RuleSet(new RuleContext(s, Support.Build.Today)).PairSoftRules, r => r.Id == "travel_burden");
    }

    [Fact]
    public void ParameterOf_Override_TakesPrecedenceAndNullMeansNone()
    {
        var s = MatchingSettings.Default with { Parameters = MatchingSettings.Default.Parameters.Add("contact_distance.concurrent_miles", null) };
        Assert.Null(s.ParameterOf("contact_distance", "concurrent_miles"));
        Assert.Equal(20, MatchingSettings.Default.ParameterOf("contact_distance", "concurrent_miles"));
    }
}
