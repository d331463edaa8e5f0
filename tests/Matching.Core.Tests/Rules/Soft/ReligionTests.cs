using Matching.Core.Tests.Support;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class ReligionTests
{
    [Theory]
    [InlineData("Muslim", "muslim", 0.0)]
    [InlineData("Muslim", "Christian", 1.0)]
    [InlineData(null, "Christian", 0.0)]
    [InlineData("Muslim", null, 0.0)]
    public void MatchWeight_SharedReligionIsFree(string? child, string? carer, double expected)
    {
        var pair = Build.Pair(Build.Child() with { Religion = child }, Build.Carer() with { Religion = carer });
        Assert.Equal(expected, new Religion().MatchWeight(pair));
    }
}
