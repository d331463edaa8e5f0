using Matching.Geo;

namespace Matching.Core.Tests.Geo;

public sealed class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    [Fact]
    public void Default_Loaded_HasEverySourceRow()
    {
        Assert.Equal(12_269, G.SectorCount);
        Assert.Equal(3_077, G.DistrictCount);
        Assert.Equal(361, G.LocalAuthorities.Count);
    }

    [Theory]
    [InlineData("CB1", 52.18475, 0.16688)]
    [InlineData("M14", 53.44682, -2.22504)]
    [InlineData("SW1A", 51.50197, -0.13386)]
    [InlineData("RM17", 51.47963, 0.32586)]
    [InlineData("PR1", 53.75786, -2.70179)]
    [InlineData("WA1", 53.39245, -2.58066)]
    public void TryResolve_District_MatchesSourceSpotChecks(string district, double lat, double lon)
    {
        Assert.True(G.TryResolve(district, out var location, out var precision));
        Assert.Equal(PostcodePrecision.District, precision);
        Assert.InRange(location.Latitude, lat - 0.01, lat + 0.01);
        Assert.InRange(location.Longitude, lon - 0.01, lon + 0.01);
    }

    [Theory]
    [InlineData("SW1A", "RM17", 19.8)]
    [InlineData("CB1", "RM17", 49.2)]
    [InlineData("WA1", "M14", 15.1)]
    public void TryResolve_TwoDistricts_GreatCircleMilesMatchSource(string from, string to, double miles)
    {
        Assert.True(G.TryResolve(from, out var a, out _));
        Assert.True(G.TryResolve(to, out var b, out _));
        Assert.Equal(miles, Math.Round(GreatCircle.Miles(a, b), 1));
    }

    [Fact]
    public void TryResolve_RegionLookups_SpotChecksHaveTheirAuthorities()
    {
        Assert.Equal("E06000034", Authority("RM17").CssrCode);
        Assert.Equal("E10000017", Authority("PR1").CssrCode);
        Assert.Equal("Warrington", Authority("WA1").LadName);
    }

    [Theory]
    [InlineData("CB1 2AB")]
    [InlineData("cb12ab")]
    [InlineData(" Cb1  2ab ")]
    [InlineData("CB1\t2AB")]
    [InlineData("CB1\u00A02AB")]
    [InlineData("cb1 2")]
    public void TryResolve_FullOrSectorInAnySpacing_ResolvesToSectorCentroid(string postcode)
    {
        var sector = G.FindSector("CB1 2");
        Assert.NotNull(sector);
        Assert.True(G.TryResolve(postcode, out var location, out var precision));
        Assert.Equal(PostcodePrecision.Sector, precision);
        Assert.Equal(sector.Centroid, location);
    }

    [Fact]
    public void TryResolve_UnknownSectorOfKnownDistrict_FallsBackToDistrict()
    {
        // AB13 (Milltimber) has a single sector, AB13 0.
        Assert.NotNull(G.FindSector("AB13 0"));
        Assert.Null(G.FindSector("AB13 9"));
        var district = G.FindDistrict("AB13");
        Assert.NotNull(district);

        Assert.True(G.TryResolve("ab13 9zz", out var full, out var fullPrecision));
        Assert.True(G.TryResolve("AB13 9", out var sector, out var sectorPrecision));

        Assert.Equal(PostcodePrecision.District, fullPrecision);
        Assert.Equal(PostcodePrecision.District, sectorPrecision);
        Assert.Equal(district.Centroid, full);
        Assert.Equal(district.Centroid, sector);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ZZ99 9ZZ")]
    [InlineData("QQ1")]
    [InlineData("GY1 1AA")]
    [InlineData("12345")]
    [InlineData("CB1 2A")]
    [InlineData("CB1 22AB")]
    [InlineData("CB1 2 AB")]
    [InlineData("C")]
    [InlineData("CB1-2AB")]
    [InlineData("CB1 2AB; DROP TABLE")]
    [InlineData("ÇB1 2AB")]
    public void TryResolve_UnknownOrMalformed_ReturnsFalse(string postcode)
    {
        Assert.False(G.TryResolve(postcode, out var location, out _));
        Assert.Equal(default, location);
    }

    [Fact]
    public void TryResolve_NullOrHuge_ReturnsFalseWithoutThrowing()
    {
        Assert.False(G.TryResolve(null!, out _, out _));
        Assert.False(G.TryResolve(new string('A', 100_000), out _, out _));
    }

    [Theory]
    [InlineData("cb12ab", "CB1 2AB")]
    [InlineData(" Cb1  2ab ", "CB1 2AB")]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("SW1A 1", "SW1A 1")]
    [InlineData("m14", "M14")]
    [InlineData("m1 4", "M1 4")]
    [InlineData("ec1a 1bb", "EC1A 1BB")]
    [InlineData("W1A0AX", "W1A 0AX")]
    [InlineData("rm17", "RM17")]
    [InlineData("npt 1", "NPT 1")]
    public void TryNormalize_OddCaseAndSpacing_GivesCanonicalForm(string raw, string expected)
    {
        Assert.True(Gazetteer.TryNormalize(raw, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CB")]
    [InlineData("1CB")]
    [InlineData("CB1 AB")]
    [InlineData("CBA1")]
    [InlineData("CB123")]
    [InlineData("CB1 2ABC")]
    public void TryNormalize_Malformed_ReturnsFalseAndEmpty(string raw)
    {
        Assert.False(Gazetteer.TryNormalize(raw, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public void TryNormalize_Null_ReturnsFalse()
    {
        Assert.False(Gazetteer.TryNormalize(null!, out _));
    }

    [Fact]
    public void Sectors_EveryOne_ResolvesToItselfAndHasAKnownAuthority()
    {
        foreach (var sector in G.Sectors)
        {
            Assert.True(G.TryResolve(sector.Code, out var location, out var precision), sector.Code);
            Assert.Equal(PostcodePrecision.Sector, precision);
            Assert.Equal(sector.Centroid, location);
            Assert.True(G.LocalAuthorities.ContainsKey(sector.LadCode), sector.LadCode);
            Assert.InRange(location.Latitude, 49.0, 61.0);
            Assert.InRange(location.Longitude, -9.0, 2.0);
        }
    }

    private static LocalAuthority Authority(string district)
    {
        var area = G.FindDistrict(district);
        Assert.NotNull(area);
        return G.LocalAuthorities[area.LadCode];
    }
}
