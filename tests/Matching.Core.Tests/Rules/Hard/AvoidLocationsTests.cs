using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class AvoidLocationsTests
{
    [Theory]
    [InlineData(25, false)]
    [InlineData(15, true)]
    public void Allows_CarerInsideAvoidRadius_Refuses(double miles, bool allowed)
    {
        var child = Build.Child() with { Avoid = [new AvoidZone(Build.North21, miles)] };
        Assert.Equal(allowed, new AvoidLocations().Allows(Build.Pair(child, Build.Carer())));
    }
}
