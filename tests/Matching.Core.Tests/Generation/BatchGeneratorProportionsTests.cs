using Matching.Generation;
using Matching.Model;

namespace Matching.Core.Tests.Generation;

/// <summary>Checks a large mixed batch against the published figures it is drawn from (tolerances allow for
/// sampling noise at this size and for sibling groups sharing an identity).</summary>
public sealed class BatchGeneratorProportionsTests
{
    private static readonly DateOnly Date = new(2024, 3, 31);

    private static readonly Lazy<GeneratedBatch> Large = new(() =>
        BatchGenerator.Generate(new GeneratorOptions { Children = 20_000, Carers = 20_000, Seed = 2024, BatchDate = Date }));

    private static List<Child> Children => [.. Large.Value.Children.Select(c => c.Child)];

    private static List<Carer> Carers => [.. Large.Value.Carers.Select(c => c.Carer)];

    [Theory]
    [InlineData("White", 0.72, 0.025)]
    [InlineData("Mixed", 0.10, 0.015)]
    [InlineData("Black", 0.08, 0.015)]
    [InlineData("Asian", 0.05, 0.01)]
    [InlineData("Other", 0.04, 0.01)]
    public void Generate_LargeBatch_ChildEthnicityNearCla2024(string group, double expected, double tolerance)
    {
        var share = Share(Children, c => EthnicityCodes.BroadGroup(c.Ethnicity) == group);

        Assert.InRange(share, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Generate_LargeBatch_AboutFiftySixPercentBoys()
    {
        Assert.InRange(Share(Children, c => c.Sex == Sex.Male), 0.54, 0.58);
    }

    [Fact]
    public void Generate_LargeBatch_SiblingGroupsMostlyPairs()
    {
        var groups = SiblingGroup.Form(Children);
        var inGroups = Share(Children, c => c.SiblingGroup is not null);
        var pairs = groups.Count(g => g.Size == 2);
        var threes = groups.Count(g => g.Size == 3);
        var larger = groups.Count(g => g.Size >= 4);

        Assert.InRange(inGroups, 0.30, 0.55);
        Assert.True(pairs > threes && threes > larger && larger > 0, $"{pairs} {threes} {larger}");
        Assert.Contains(groups, g => g.Rule == SiblingRule.MaySplit);
        Assert.Contains(groups, g => g.Size >= 3 && g.Rule == SiblingRule.Together);
    }

    [Fact]
    public void Generate_LargeBatch_PlacementTypesAndAgesFitPlans()
    {
        var children = Children;
        var foster = children.Where(c => c.PlacementType == PlacementType.Foster).ToList();
        var permanence = children.Where(c => c.PlacementType != PlacementType.Foster).ToList();

        Assert.InRange(Share(children, c => c.PlacementType == PlacementType.Foster), 0.75, 0.90);
        Assert.All(Enum.GetValues<PlacementType>(), t => Assert.Contains(children, c => c.PlacementType == t));
        // CLA 2024: about 26% aged 16 and over, 38% aged 10-15.
        Assert.InRange(Share(foster, c => Age(c) >= 16), 0.22, 0.30);
        Assert.InRange(Share(foster, c => Age(c) is >= 10 and <= 15), 0.33, 0.43);
        Assert.InRange(Share(permanence, c => Age(c) <= 4), 0.80, 1.0);
    }

    [Fact]
    public void Generate_LargeBatch_NeedsReligionsLanguagesContactPresent()
    {
        var children = Children;

        Assert.InRange(Share(children, c => c.Needs.Contains("trauma")), 0.32, 0.38);
        Assert.InRange(Share(children, c => c.Religion is null), 0.36, 0.44);
        Assert.InRange(Share(children, c => c.Avoid.Length > 0), 0.035, 0.065);
        Assert.InRange(Share(children, c => c.ExcludedCarers.Length > 0), 0.005, 0.015);
        Assert.Contains(children, c => c.Languages.Length > 1);
        Assert.All(children.Where(c => c.PlacementType == PlacementType.Concurrent), c => Assert.InRange(c.ContactPerWeek, 1, 3));
        Assert.All(children.Where(c => c.PlacementType == PlacementType.Adoption), c => Assert.Equal(0, c.ContactPerWeek));
    }

    [Fact]
    public void Generate_LargeBatch_FosterChildrenWaitAboutFiveMonths()
    {
        var foster = Children.Where(c => c.PlacementType == PlacementType.Foster).ToList();

        // Mean 150 days (gamma), a little less where a young child cannot have entered care before birth.
        var meanDays = foster.Average(c => Date.DayNumber - c.EnteredCare!.Value.DayNumber);

        Assert.InRange(meanDays, 130, 160);
    }

    [Fact]
    public void Generate_LargeBatch_CarersNearPublishedShares()
    {
        var carers = Carers;
        var foster = carers.Where(c => c.Approval == Approval.Foster).ToList();

        Assert.InRange(Share(carers, c => c.Smoker), 0.09, 0.11);
        Assert.InRange(Share(carers, c => c.Approval == Approval.Foster), 0.78, 0.82);
        Assert.InRange(Share(carers, c => c.Approval == Approval.Concurrent), 0.04, 0.06);
        Assert.InRange(Share(foster, c => c.Places <= 2), 0.74, 0.82);
        Assert.InRange(foster.Average(c => c.Places), 1.7, 2.0);
        Assert.InRange(Share(foster, c => c.Agency == Agency.InHouse), 0.53, 0.57);
        Assert.InRange(Share(carers, c => EthnicityCodes.BroadGroup(c.Ethnicities[0]) == "White"), 0.81, 0.87);
        // 58% have two or more places, and 55% of those already have a child: about 32%.
        Assert.InRange(Share(foster, c => c.Placed > 0), 0.29, 0.35);
    }

    [Fact]
    public void Generate_LargeBatch_ManyCarersWithinTwentyMilesOfChildren()
    {
        var children = Large.Value.Children.Take(200).Select(c => c.Child.Home!.Value).ToList();
        var carers = Carers.Select(c => c.Location).ToList();

        var near = children.Select(h => carers.Count(l => l.MilesTo(h) <= 20)).Order().ToList();

        Assert.True(near[near.Count / 2] >= 100, $"median carers within 20 miles: {near[near.Count / 2]}");
    }

    private static int Age(Child c) => c.AgeOn(c.NeededOn(Date));

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count(predicate) / (double)items.Count;
}
