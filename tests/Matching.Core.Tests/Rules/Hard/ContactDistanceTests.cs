using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class ContactDistanceTests
{
    // North21 is about 21 miles from the contact venue in a straight line.
    [Theory]
    [InlineData(PlacementType.Concurrent, false)]
    [InlineData(PlacementType.Ffa, false)]
    [InlineData(PlacementType.Adoption, true)]
    [InlineData(PlacementType.Foster, true)]
    public void Allows_TwentyMilesPlusByDefault_RefusesConcurrentAndFfaOnly(PlacementType type, bool allowed)
    {
        var pair = Build.Pair(Build.Child(type: type, age: 1), Build.Carer() with { Location = Build.North21 });
        Assert.InRange(pair.ContactMiles, 20.5, 21.5);
        Assert.Equal(allowed, new ContactDistance(Build.Context()).Allows(pair));
    }

    [Fact]
    public void Allows_FosterLimitSet_Refuses()
    {
        var context = Build.Context(Build.With("contact_distance.foster_miles", 15));
        var pair = Build.Pair(Build.Child(), Build.Carer() with { Location = Build.North21 }, context);
        Assert.False(new ContactDistance(context).Allows(pair));
    }

    [Fact]
    public void Allows_DetourFactorPushesOverLimit_Refuses()
    {
        var near = new Location(52.3200, 0.1218); // about 7.9 miles north
        var context = Build.Context(MatchingSettings.Default with { DetourFactor = 3.0 });
        var pair = Build.Pair(Build.Child(type: PlacementType.Concurrent, age: 1), Build.Carer() with { Location = near }, context);
        Assert.True(new ContactDistance(Build.Context()).Allows(Build.Pair(Build.Child(type: PlacementType.Concurrent, age: 1), Build.Carer() with { Location = near })));
        Assert.False(new ContactDistance(context).Allows(pair));
    }

    [Fact]
    public void Allows_NoContactVenue_NotLimited()
    {
        var pair = Build.Pair(Build.Child(type: PlacementType.Concurrent, age: 1) with { Contact = null }, Build.Carer() with { Location = Build.North21 });
        Assert.True(new ContactDistance(Build.Context()).Allows(pair));
    }
}
