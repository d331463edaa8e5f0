using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Generation;

/// <summary>Draws carer households and their terms of approval.</summary>
internal sealed class CarerSampler
{
    private readonly GeneratorOptions options;
    private readonly Dice dice;
    private readonly PlaceSampler places;
    private readonly Weighted<Approval> approvals;
    private readonly Weighted<int> fosterPlaces;
    private readonly Weighted<int> adopterPlaces;
    private readonly Weighted<int> fosterPlaced;
    private readonly Weighted<string> ethnicity;
    private readonly Dictionary<string, Weighted<string>> religions;

    public CarerSampler(GeneratorOptions options, Dice dice, PlaceSampler places)
    {
        this.options = options;
        this.dice = dice;
        this.places = places;
        approvals = dice.Table(EnglandFigures.Approvals(options.Kind));
        fosterPlaces = dice.Table(EnglandFigures.FosterPlaces);
        adopterPlaces = dice.Table(EnglandFigures.AdopterPlaces);
        fosterPlaced = dice.Table(EnglandFigures.FosterPlaced);
        ethnicity = dice.Table(EnglandFigures.CarerEthnicity);
        religions = ChildSampler.Religions(dice);
    }

    public ImmutableArray<GeneratedCarer> Generate(IReadOnlyList<string> ids) => [.. ids.Select(Carer)];

    private GeneratedCarer Carer(string id)
    {
        var approval = approvals.Sample();
        var fosters = approval == Approval.Foster;
        var places = fosters ? fosterPlaces.Sample() : adopterPlaces.Sample();
        var (ageMin, ageMax) = AgeRange(approval);
        var codes = Ethnicities();
        var agency = fosters
            ? (dice.Chance(EnglandFigures.FosterInHouseShare) ? Agency.InHouse : Agency.Ifa)
            : (dice.Chance(EnglandFigures.AdopterInHouseShare) ? Agency.InHouse : Agency.Vaa);
        var cost = EnglandFigures.WeeklyCost(approval == Approval.Concurrent ? Approval.Adopter : approval, agency);
        DateOnly? from = dice.Chance(0.3) ? options.BatchDate.AddDays(dice.Between(1, 90)) : null;
        DateOnly? until = dice.Chance(0.1) ? (from ?? options.BatchDate).AddDays(dice.Between(30, 365)) : null;
        var home = this.places.CarerHome();
        var carer = new Carer
        {
            Id = id,
            Location = home.Centroid,
            Approval = approval,
            Places = places,
            // Every household keeps at least one free place: a full household would not be offered in a batch.
            Placed = fosters ? Math.Min(fosterPlaced.Sample(), places - 1) : 0,
            AgeMin = ageMin,
            AgeMax = ageMax,
            // A few households are approved or prefer to care for one sex only (estimate).
            Sexes = fosters && dice.Chance(0.08) ? [dice.Chance(0.5) ? Sex.Male : Sex.Female] : [],
            MaxGroup = places >= 2 && dice.Chance(0.3) ? dice.Between(1, places - 1) : null,
            Ethnicities = codes,
            Religion = dice.Chance(EnglandFigures.CarerReligionUnrecorded) ? null : religions[EthnicityCodes.BroadGroup(codes[0]) ?? string.Empty].Sample(),
            Languages = Languages(codes[0]),
            CanMeet = [.. EnglandFigures.CanMeet.Where(n => dice.Chance(n.Share)).Select(n => n.Tag)],
            Smoker = dice.Chance(EnglandFigures.SmokerShare),
            AvailableFrom = from,
            AvailableUntil = until,
            Agency = agency,
            WeeklyCost = cost is { } c ? dice.Between(c.Min, c.Max) : null,
        };
        return new GeneratedCarer(carer, home.Code);
    }

    // Estimates: most foster households take any age, a quarter younger children, a fifth teenagers; adopters
    // mostly young children; concurrent carers babies and toddlers.
    private (int Min, int Max) AgeRange(Approval approval)
    {
        if (approval == Approval.Adopter)
        {
            return (0, dice.Between(2, 9));
        }

        if (approval == Approval.Concurrent)
        {
            return (0, dice.Between(2, 4));
        }

        var r = dice.Random.NextDouble();
        return r < 0.55 ? (0, 17) : r < 0.80 ? (0, dice.Between(4, 12)) : (dice.Between(9, 12), 17);
    }

    private ImmutableArray<string> Ethnicities()
    {
        var first = ethnicity.Sample();
        var second = dice.Chance(EnglandFigures.CarerSecondEthnicity) ? ethnicity.Sample() : first;
        return second == first ? [first] : [first, second];
    }

    // Carers speak another language at about half the rate of children of the same background (estimate).
    private ImmutableArray<string> Languages(string code)
    {
        var (share, languages) = EnglandFigures.OtherLanguage(code);
        return !languages.IsEmpty && dice.Chance(share / 2) ? ["English", dice.Pick(languages)] : ["English"];
    }
}
