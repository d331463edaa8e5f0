using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class PlacementCostTests
{
    [Theory]
    [InlineData(450, Agency.InHouse, 4.5)]
    [InlineData(450, Agency.Ifa, 5.5)]
    [InlineData(null, Agency.Unknown, 0.0)]
    public void MatchWeight_HundredsOfPoundsPlusAgencyExtra(int? cost, Agency agency, double expected)
    {
        var pair = Build.Pair(Build.Child(), Build.Carer() with { WeeklyCost = cost, Agency = agency });
        Assert.Equal(expected, new PlacementCost(Build.Context()).MatchWeight(pair), 9);
    }
}
