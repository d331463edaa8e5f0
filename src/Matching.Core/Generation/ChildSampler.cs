using System.Collections.Immutable;
using System.Globalization;
using Matching.Geo;
using Matching.Model;

namespace Matching.Generation;

/// <summary>Draws children sibling group by sibling group, so that siblings share a plan, a family home and an identity.</summary>
internal sealed class ChildSampler
{
    private readonly GeneratorOptions options;
    private readonly Dice dice;
    private readonly PlaceSampler places;
    private readonly IReadOnlyList<string> carerIds;
    private readonly Weighted<PlacementType> types;
    private readonly Weighted<int> fosterSizes;
    private readonly Weighted<int> adoptionSizes;
    private readonly Weighted<int> fosterAges;
    private readonly Weighted<int> adoptionAges;
    private readonly Weighted<int> infantAges;
    private readonly Weighted<string> ethnicity;
    private readonly Dictionary<PlacementType, Weighted<int>> contact;
    private readonly Dictionary<string, Weighted<string>> religions;

    public ChildSampler(GeneratorOptions options, Dice dice, PlaceSampler places, IReadOnlyList<string> carerIds)
    {
        this.options = options;
        this.dice = dice;
        this.places = places;
        this.carerIds = carerIds;
        types = dice.Table(EnglandFigures.PlacementTypes(options.Kind));
        fosterSizes = dice.Table(EnglandFigures.FosterGroupSizes);
        adoptionSizes = dice.Table(EnglandFigures.AdoptionGroupSizes);
        fosterAges = dice.Table(EnglandFigures.FosterAges);
        adoptionAges = dice.Table(EnglandFigures.AdoptionAges);
        infantAges = dice.Table(EnglandFigures.InfantAges);
        ethnicity = dice.Table(EnglandFigures.ChildEthnicity);
        contact = Enum.GetValues<PlacementType>().ToDictionary(t => t, t => dice.Table(EnglandFigures.ContactPerWeek(t)));
        religions = Religions(dice);
    }

    /// <summary>The religion tables by broad ethnic group ("" for unknown), drawing from <paramref name="dice"/>.</summary>
    public static Dictionary<string, Weighted<string>> Religions(Dice dice) =>
        new[] { "White", "Mixed", "Asian", "Black", "Other", string.Empty }
            .ToDictionary(g => g, g => dice.Table(EnglandFigures.Religions(g)), StringComparer.Ordinal);

    public ImmutableArray<GeneratedChild> Generate()
    {
        var children = ImmutableArray.CreateBuilder<GeneratedChild>(options.Children);
        var groups = 0;
        while (children.Count < options.Children)
        {
            var type = types.Sample();
            var size = Math.Min(options.Children - children.Count, GroupSize(type));
            var groupId = size > 1 ? "G" + (++groups).ToString(Ids.Format(4, options.Children), CultureInfo.InvariantCulture) : null;
            children.AddRange(Group(type, size, groupId, children.Count));
        }

        return children.MoveToImmutable();
    }

    private int GroupSize(PlacementType type) => type switch
    {
        // Fostering for adoption and concurrent planning are for infants, referred one by one (estimate).
        PlacementType.Ffa or PlacementType.Concurrent => 1,
        PlacementType.Adoption => adoptionSizes.Sample(),
        _ => fosterSizes.Sample(),
    };

    private IEnumerable<GeneratedChild> Group(PlacementType type, int size, string? groupId, int firstIndex)
    {
        var batch = options.BatchDate;
        var rule = size switch
        {
            2 when dice.Chance(EnglandFigures.MaySplitPair) => SiblingRule.MaySplit,
            >= 3 when dice.Chance(EnglandFigures.MaySplitLarger) => SiblingRule.MaySplit,
            _ => SiblingRule.Together,
        };
        DateOnly? neededBy = dice.Chance(0.4) ? null : batch.AddDays(dice.Between(1, type == PlacementType.Adoption ? 90 : 42));
        var neededOn = neededBy ?? batch;
        var enteredCare = batch.AddDays(-dice.Days(EnglandFigures.MeanDaysInCare(type), 2.0));
        var home = places.Home();
        var perWeek = contact[type].Sample();
        var contactSector = perWeek > 0 ? places.Near(home, 0, 4) : null;
        var code = ethnicity.Sample();
        var religion = dice.Chance(EnglandFigures.ChildReligionUnrecorded) ? null : religions[EthnicityCodes.BroadGroup(code) ?? string.Empty].Sample();
        var otherLanguage = OtherLanguage(code);
        var avoid = dice.Chance(EnglandFigures.AvoidShare) ? Avoid(home) : [];
        var ages = Ages(type, size);

        for (var i = 0; i < size; i++)
        {
            var dob = DateOfBirth(ages[i], neededOn);
            var school = ages[i] >= 5 ? places.Near(home, 0, 3) : null;
            // An older child speaking only another language is usually a recent arrival (estimate).
            ImmutableArray<string> languages = otherLanguage is null ? ["English"]
                : ages[i] >= 14 && size == 1 && dice.Chance(0.5) ? [otherLanguage] : ["English", otherLanguage];
            var child = new Child
            {
                Id = "C" + (firstIndex + i + 1).ToString(Ids.Format(5, options.Children), CultureInfo.InvariantCulture),
                SiblingGroup = groupId,
                Siblings = rule,
                DateOfBirth = dob,
                Sex = dice.Chance(EnglandFigures.MaleShare) ? Sex.Male : Sex.Female,
                Ethnicity = code,
                Religion = religion,
                Languages = languages,
                Needs = Needs(ages[i]),
                PlacementType = type,
                Contact = contactSector?.Centroid,
                ContactPerWeek = perWeek,
                Home = home.Centroid,
                School = school?.Centroid,
                Avoid = [.. avoid.Select(a => new AvoidZone(a.Area.Centroid, a.Miles))],
                EnteredCare = enteredCare < dob ? dob : enteredCare,
                NeededBy = neededBy,
                ExcludedCarers = ExcludedCarers(),
            };
            yield return new GeneratedChild(child, contactSector?.Code, home.Code, school?.Code,
                [.. avoid.Select(a => new AvoidSpec(a.Area.Code, a.Miles))]);
        }
    }

    private int[] Ages(PlacementType type, int size)
    {
        var table = type switch
        {
            PlacementType.Foster => fosterAges,
            PlacementType.Adoption => adoptionAges,
            _ => infantAges,
        };
        var ages = new int[size];
        ages[0] = table.Sample();
        for (var i = 1; i < size; i++)
        {
            // Siblings are one to three years apart, older ones first (then younger once 17 is reached).
            var gap = dice.Between(1, 3);
            ages[i] = ages[i - 1] + gap <= 17 ? ages[i - 1] + gap : Math.Max(0, ages[0] - (gap * i));
        }

        return ages;
    }

    // The age in completed years on the date needed is exactly `age`, and nobody is born after the batch date.
    private DateOnly DateOfBirth(int age, DateOnly neededOn)
    {
        var latest = neededOn.AddYears(-age);
        var span = latest.DayNumber - neededOn.AddYears(-age - 1).DayNumber;
        var dob = latest.AddDays(-dice.Between(0, span - 1));
        var batch = options.BatchDate;
        return dob > batch ? batch.AddDays(-dice.Between(0, 20)) : dob;
    }

    private string? OtherLanguage(string code)
    {
        var (share, languages) = EnglandFigures.OtherLanguage(code);
        return languages.IsEmpty || !dice.Chance(share) ? null : dice.Pick(languages);
    }

    private ImmutableArray<string> Needs(int age) =>
        [.. EnglandFigures.Needs.Where(n => age >= n.FromAge && dice.Chance(n.Share)).Select(n => n.Tag)];

    // A child must be kept away from the birth family home, or from another place a few miles off (estimate).
    private List<(PostcodeArea Area, double Miles)> Avoid(PostcodeArea home)
    {
        var area = dice.Chance(0.6) ? home : places.Near(home, 1, 8);
        return [(area, dice.Between(5, 15))];
    }

    private ImmutableArray<string> ExcludedCarers()
    {
        if (carerIds.Count == 0 || !dice.Chance(EnglandFigures.ExcludedCarersShare))
        {
            return [];
        }

        var count = dice.Between(1, Math.Min(2, carerIds.Count));
        return [.. Enumerable.Range(0, count).Select(_ => dice.Pick(carerIds)).Distinct().Order(StringComparer.Ordinal)];
    }
}
