using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class TravelBurdenTests
{
    private static readonly Location FiveMilesNorth = new(52.2053 + (5.0 / 69.05), 0.1218);

    [Fact]
    public void MatchWeight_WithinComfortableDistance_MilesTimesSessionsPlusSmallTerm()
    {
        var pair = Build.Pair(Build.Child() with { ContactPerWeek = 3 }, Build.Carer() with { Location = FiveMilesNorth });
        var expected = (3 * pair.ContactMiles) + (0.1 * pair.ContactMiles);
        Assert.Equal(expected, new TravelBurden(Build.Context()).MatchWeight(pair), 9);
    }

    [Fact]
    public void MatchWeight_BeyondComfortableDistance_CountsTwice()
    {
        var pair = Build.Pair(Build.Child() with { ContactPerWeek = 2 }, Build.Carer() with { Location = Build.North21 });
        var miles = pair.ContactMiles;
        Assert.Equal((2 * (miles + (miles - 10))) + (0.1 * miles), new TravelBurden(Build.Context()).MatchWeight(pair), 9);
    }

    [Fact]
    public void MatchWeight_NoVenue_Zero()
    {
        var pair = Build.Pair(Build.Child() with { Contact = null, ContactPerWeek = 3 }, Build.Carer() with { Location = Build.North21 });
        Assert.Equal(0, new TravelBurden(Build.Context()).MatchWeight(pair));
    }
}
