using Matching.Core.Tests.Support;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class EthnicityTests
{
    [Theory]
    [InlineData("BAFR", "BAFR", 0.0)]
    [InlineData("BAFR", "BCRB", 0.5)]
    [InlineData("BAFR", "WBRI", 1.0)]
    [InlineData("NOBT", "WBRI", 0.0)]
    [InlineData(null, "WBRI", 0.0)]
    public void MatchWeight_CodeThenBroadGroup(string? child, string carer, double expected)
    {
        var pair = Build.Pair(Build.Child() with { Ethnicity = child }, Build.Carer() with { Ethnicities = [carer] });
        Assert.Equal(expected, new Ethnicity(Build.Context()).MatchWeight(pair));
    }

    [Fact]
    public void Solve_OnlyMismatchedCarer_StillPlaces()
    {
        var problem = Build.Problem([Build.Child() with { Ethnicity = "BAFR", PlacementType = Matching.Model.PlacementType.Adoption }], [Build.Carer() with { Ethnicities = ["WBRI"] }]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(1, result.ChildrenPlaced);
        Assert.Contains(result.Proposals[0].Flags, f => f.Contains("ethnicity", StringComparison.Ordinal));
    }
}
