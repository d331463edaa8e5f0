using Matching.Generation;
using Matching.Geo;
using Matching.Model;

namespace Matching.Core.Tests.Generation;

public sealed class BatchGeneratorTests
{
    private static readonly DateOnly Date = new(2025, 3, 3);

    private static GeneratedBatch Make(int children, int carers, int seed = 1, BatchKind kind = BatchKind.Mixed, string? region = null) =>
        BatchGenerator.Generate(new GeneratorOptions { Children = children, Carers = carers, Seed = seed, BatchDate = Date, Kind = kind, Region = region });

    [Fact]
    public void Generate_SameOptions_IdenticalBatches()
    {
        var a = BatchText.Lines(Make(300, 400, seed: 42)).ToList();
        var b = BatchText.Lines(Make(300, 400, seed: 42)).ToList();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentBatches()
    {
        var a = BatchText.Lines(Make(300, 400, seed: 1)).ToList();
        var b = BatchText.Lines(Make(300, 400, seed: 2)).ToList();

        Assert.Equal(a.Count, b.Count);
        Assert.True(a.Zip(b).Count(p => p.First != p.Second) > 600, "most rows should differ");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 3)]
    [InlineData(137, 251)]
    public void Generate_Counts_AsRequestedWithSortableUniqueIds(int children, int carers)
    {
        var batch = Make(children, carers);

        Assert.Equal(children, batch.Children.Length);
        Assert.Equal(carers, batch.Carers.Length);
        Assert.Equal(Date, batch.BatchDate);
        var childIds = batch.Children.Select(c => c.Child.Id).ToList();
        var carerIds = batch.Carers.Select(c => c.Carer.Id).ToList();
        Assert.Equal(childIds.Order(StringComparer.Ordinal), childIds);
        Assert.Equal(carerIds.Order(StringComparer.Ordinal), carerIds);
        Assert.Equal(children, childIds.Distinct().Count());
        Assert.All(childIds, id => Assert.Matches("^C[0-9]{5}$", id));
        Assert.All(carerIds, id => Assert.Matches("^K[0-9]{5}$", id));
        if (children > 0)
        {
            Assert.Equal("C00001", childIds[0]);
        }
    }

    [Fact]
    public void Generate_MoreThan99999_WidensIds()
    {
        var batch = Make(2, 100_000);

        Assert.Equal("K000001", batch.Carers[0].Carer.Id);
        Assert.Equal("K100000", batch.Carers[^1].Carer.Id);
    }

    [Fact]
    public void Generate_EveryPostcode_IsASectorThatResolvesToTheLocationGiven()
    {
        var batch = Make(500, 500, seed: 5);
        var g = Gazetteer.Default;

        foreach (var c in batch.Children)
        {
            AssertSector(c.HomePostcode, c.Child.Home);
            AssertSector(c.ContactPostcode, c.Child.Contact);
            AssertSector(c.SchoolPostcode, c.Child.School);
            Assert.Equal(c.Avoid.Length, c.Child.Avoid.Length);
            foreach (var (spec, zone) in c.Avoid.Zip(c.Child.Avoid))
            {
                AssertSector(spec.Postcode, zone.Location);
                Assert.Equal(spec.Miles, zone.Miles);
            }
        }

        foreach (var c in batch.Carers)
        {
            AssertSector(c.Postcode, c.Carer.Location);
        }

        void AssertSector(string? postcode, Location? location)
        {
            Assert.Equal(postcode is null, location is null);
            if (postcode is null)
            {
                return;
            }

            Assert.True(Gazetteer.TryNormalize(postcode, out var normal));
            Assert.Equal(postcode, normal);
            Assert.True(g.TryResolve(postcode, out var resolved, out var precision), postcode);
            Assert.Equal(PostcodePrecision.Sector, precision);
            Assert.Equal(location, resolved);
        }
    }

    [Fact]
    public void Generate_AnyBatch_EveryValueValidPerDataContract()
    {
        var batch = Make(2_000, 2_000, seed: 9);
        var carerIds = batch.Carers.Select(c => c.Carer.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var c in batch.Children.Select(g => g.Child))
        {
            var neededOn = c.NeededOn(Date);
            Assert.InRange(c.AgeOn(neededOn), 0, 17);
            Assert.True(c.DateOfBirth <= Date, c.Id);
            Assert.NotNull(c.EnteredCare);
            Assert.InRange(c.EnteredCare.Value, c.DateOfBirth, Date);
            Assert.True(c.NeededBy is null || c.NeededBy >= Date, c.Id);
            Assert.True(c.Ethnicity is not null && EthnicityCodes.IsValid(c.Ethnicity), c.Ethnicity);
            Assert.NotEqual(Sex.Unknown, c.Sex);
            Assert.NotEmpty(c.Languages);
            Assert.All(c.ExcludedCarers, id => Assert.Contains(id, carerIds));
            Assert.All(c.Avoid, a => Assert.InRange(a.Miles, 5, 15));
            Assert.InRange(c.ContactPerWeek, 0, c.PlacementType == PlacementType.Foster ? 2 : 3);
            Assert.Equal(c.ContactPerWeek > 0, c.Contact is not null);
            Assert.Equal(c.AgeOn(neededOn) >= 5, c.School is not null);
            Assert.NotNull(c.Home);
            Assert.True(c.Contact is not { } contact || contact.MilesTo(c.Home.Value) <= 4.0 + 1e-9, c.Id);
            Assert.True(c.School is not { } school || school.MilesTo(c.Home.Value) <= 3.0 + 1e-9, c.Id);
        }

        foreach (var group in SiblingGroup.Form(batch.Children.Select(g => g.Child)).Where(g => !g.IsSingle))
        {
            Assert.Matches("^G[0-9]{4}$", group.Id);
            Assert.Single(group.Children.Select(c => c.PlacementType).Distinct());
            Assert.Single(group.Children.Select(c => c.Siblings).Distinct());
            Assert.Single(group.Children.Select(c => c.Home).Distinct());
        }

        foreach (var k in batch.Carers.Select(g => g.Carer))
        {
            Assert.InRange(k.Places, 1, 4);
            Assert.InRange(k.Placed, 0, k.Places - 1);
            Assert.InRange(k.AgeMin, 0, 17);
            Assert.InRange(k.AgeMax, k.AgeMin, 17);
            Assert.True(k.MaxGroup is null || (k.MaxGroup >= 1 && k.MaxGroup <= k.Places), k.Id);
            Assert.NotEmpty(k.Ethnicities);
            Assert.All(k.Ethnicities, e => Assert.True(EthnicityCodes.IsKnown(e), e));
            Assert.True(k.AvailableFrom is null || k.AvailableUntil is null || k.AvailableFrom <= k.AvailableUntil, k.Id);
            Assert.True(k.WeeklyCost is null || k.WeeklyCost > 0, k.Id);
            Assert.NotEqual(Agency.Unknown, k.Agency);
            Assert.NotEqual(Approval.None, k.Approval);
            Assert.True(k.Approval != Approval.Foster || k.Agency is Agency.InHouse or Agency.Ifa, k.Id);
            Assert.True(k.Approval == Approval.Foster || k.Agency is Agency.InHouse or Agency.Vaa, k.Id);
        }
    }

    [Fact]
    public void Generate_AdoptionKind_OnlyPermanencePlansAndAdoptiveCarers()
    {
        var batch = Make(600, 300, kind: BatchKind.Adoption);

        Assert.All(batch.Children, c => Assert.NotEqual(PlacementType.Foster, c.Child.PlacementType));
        Assert.Equal(3, batch.Children.Select(c => c.Child.PlacementType).Distinct().Count());
        Assert.All(batch.Carers, c => Assert.True(c.Carer.Approval is Approval.Adopter or Approval.Concurrent, c.Carer.Id));
        Assert.All(batch.Children.Where(c => c.Child.PlacementType is PlacementType.Ffa or PlacementType.Concurrent),
            c => Assert.InRange(c.Child.AgeOn(c.Child.NeededOn(Date)), 0, 2));
    }

    [Fact]
    public void Generate_FosteringKind_OnlyFosterPlansAndCarersWhoMayFoster()
    {
        var batch = Make(600, 300, kind: BatchKind.Fostering);

        Assert.All(batch.Children, c => Assert.Equal(PlacementType.Foster, c.Child.PlacementType));
        Assert.All(batch.Carers, c => Assert.True(c.Carer.Approval is Approval.Foster or Approval.Concurrent, c.Carer.Id));
        Assert.Contains(batch.Children, c => c.Child.AgeOn(Date) >= 16);
    }

    [Theory]
    [InlineData("Lancashire", "E10000017")]
    [InlineData("e06000034", "E06000034")]
    [InlineData("  thurrock ", "E06000034")]
    public void Generate_AuthorityRegion_ChildrenInsideCarersNearby(string region, string cssr)
    {
        var batch = Make(300, 600, region: region);
        var g = Gazetteer.Default;
        var inside = g.Sectors.Where(s => g.LocalAuthorities[s.LadCode].CssrCode == cssr).ToList();
        var insideCodes = inside.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(batch.Children, c => Assert.Contains(c.HomePostcode!, insideCodes));
        var carersInside = batch.Carers.Count(c => insideCodes.Contains(c.Postcode));
        Assert.InRange(carersInside, 600 * 0.7, 600 * 0.9);
        Assert.All(batch.Carers, c => Assert.True(
            inside.Min(s => s.Centroid.MilesTo(c.Carer.Location)) <= 25.0 + 1e-9, c.Postcode));
    }

    [Fact]
    public void Generate_LondonRegion_ChildrenInLondonBoroughsOnly()
    {
        var batch = Make(300, 10, region: "london");
        var g = Gazetteer.Default;

        Assert.All(batch.Children, c =>
            Assert.StartsWith("E09", g.LocalAuthorities[g.FindSector(c.HomePostcode!)!.LadCode].CssrCode, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_NoRegion_SpreadAcrossEnglandOnly()
    {
        var batch = Make(1_000, 1_000);
        var g = Gazetteer.Default;
        var countries = batch.Children.Select(c => c.HomePostcode!).Concat(batch.Carers.Select(c => c.Postcode))
            .Select(p => g.LocalAuthorities[g.FindSector(p)!.LadCode].Country).Distinct().ToList();
        var regions = batch.Children.Select(c => EnglishRegions.RegionOf(g.LocalAuthorities[g.FindSector(c.HomePostcode!)!.LadCode].CssrCode)).Distinct().Count();

        Assert.Equal(["England"], countries);
        Assert.Equal(9, regions);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Cardiff")]
    [InlineData("W06000015")]
    public void Generate_UnknownOrNonEnglishRegion_ThrowsArgumentExceptionNamingIt(string region)
    {
        var e = Assert.Throws<ArgumentException>(() => Make(5, 5, region: region));
        Assert.Contains(region, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(5, -1));
    }

    [Fact]
    public void RegionNames_AreTheNineEnglishRegions()
    {
        Assert.Equal(9, BatchGenerator.RegionNames.Count);
        Assert.Contains("North West", BatchGenerator.RegionNames);
    }
}
