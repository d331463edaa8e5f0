using Matching.Geo;

namespace Matching.Core.Tests.Geo;

public sealed class EnglishRegionsTests
{
    [Fact]
    public void RegionOf_EveryEnglishAuthority_HasOneOfTheNineRegions()
    {
        var english = Gazetteer.Default.LocalAuthorities.Values.Where(a => a.Country == "England").ToList();
        var cssrs = english.Select(a => a.CssrCode).Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(153, cssrs.Count);
        Assert.All(cssrs, c => Assert.Contains(EnglishRegions.RegionOf(c), EnglishRegions.Names));
        Assert.Equal(33, cssrs.Count(c => EnglishRegions.RegionOf(c) == "London"));
        // Every authority can be asked for by the generator: it has sectors of its own.
        var withSectors = Gazetteer.Default.Sectors.Select(s => Gazetteer.Default.LocalAuthorities[s.LadCode].CssrCode).ToHashSet(StringComparer.Ordinal);
        Assert.All(cssrs, c => Assert.Contains(c, withSectors));
    }

    [Theory]
    [InlineData("E10000017", "North West")]
    [InlineData("E06000034", "East of England")]
    [InlineData("E08000039", "Yorkshire and The Humber")]
    [InlineData("E06000052", "South West")]
    [InlineData("E08000037", "North East")]
    [InlineData("W06000015", null)]
    public void RegionOf_KnownCodes_GivesTheirRegion(string cssr, string? region)
    {
        Assert.Equal(region, EnglishRegions.RegionOf(cssr));
    }

    [Theory]
    [InlineData("north west", "North West")]
    [InlineData(" LONDON ", "London")]
    [InlineData("yorkshire and the humber", "Yorkshire and The Humber")]
    [InlineData("Wales", null)]
    public void Find_AnyCase_GivesCanonicalName(string name, string? expected)
    {
        Assert.Equal(expected, EnglishRegions.Find(name));
    }
}
