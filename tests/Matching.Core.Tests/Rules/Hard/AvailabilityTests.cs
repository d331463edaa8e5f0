using Matching.Core.Tests.Support;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class AvailabilityTests
{
    [Theory]
    [InlineData(-5, 5, true)]
    [InlineData(0, 0, true)]
    [InlineData(1, 10, false)]
    [InlineData(-10, -1, false)]
    public void Allows_WindowAroundNeededDate_Inclusive(int fromDays, int untilDays, bool allowed)
    {
        var carer = Build.Carer() with { AvailableFrom = Build.Today.AddDays(fromDays), AvailableUntil = Build.Today.AddDays(untilDays) };
        Assert.Equal(allowed, new Availability().Allows(Build.Pair(Build.Child(), carer)));
    }

    [Fact]
    public void Allows_NeededLaterThanBatch_UsesNeededBy()
    {
        var carer = Build.Carer() with { AvailableFrom = Build.Today.AddDays(10) };
        Assert.True(new Availability().Allows(Build.Pair(Build.Child() with { NeededBy = Build.Today.AddDays(14) }, carer)));
    }
}
