using System.Collections.Immutable;
using Matching.Model;
using Matching.Rules;

namespace Matching.Core.Tests.Support;

/// <summary>
/// Small random batches with every rule in play, for comparing the engine with exhaustive search.
/// Locations sit within about 30 miles of Cambridge so that the 20-mile contact limit bites sometimes.
/// </summary>
internal static class RandomBatch
{
    public static readonly DateOnly BatchDate = new(2026, 11, 23);

    private static readonly string[] Ethnicities = ["WBRI", "WOTH", "MWBC", "BAFR", "APKN", "AIND", "CHNE"];
    private static readonly string[] Religions = ["Christian", "Muslim", "None", "Hindu"];
    private static readonly string[] Languages = ["English", "Urdu", "Polish", "Somali"];
    private static readonly string[] Needs = ["disability", "asthma", "trauma", "behaviour"];

    public static MatchingProblem Create(int seed, int maxGroups = 5, int maxCarers = 5, int maxChildren = 9, bool withPins = true)
    {
        var rng = new Random(seed);
        var carerCount = rng.Next(1, maxCarers + 1);
        var carers = new List<Carer>();
        for (var i = 0; i < carerCount; i++)
        {
            var approval = rng.Next(8) switch
            {
                0 or 1 => Approval.Concurrent,
                2 => Approval.Adopter,
                3 or 4 => Approval.Adopter | Approval.Foster,
                _ => Approval.Foster,
            };
            var places = rng.Next(1, 6);
            var ageMin = rng.Next(3) == 0 ? rng.Next(0, 6) : 0;
            carers.Add(new Carer
            {
                Id = $"K{i:00}",
                Location = Near(rng, 30),
                Approval = approval,
                Places = places,
                Placed = rng.Next(4) == 0 ? rng.Next(0, places + 1) : 0,
                AgeMin = ageMin,
                AgeMax = rng.Next(3) == 0 ? rng.Next(ageMin, 18) : 17,
                Sexes = rng.Next(6) == 0 ? [rng.Next(2) == 0 ? Sex.Male : Sex.Female] : [],
                MaxGroup = rng.Next(4) == 0 ? rng.Next(1, 5) : null,
                Ethnicities = rng.Next(5) == 0 ? [] : [Pick(rng, Ethnicities)],
                Religion = rng.Next(3) == 0 ? null : Pick(rng, Religions),
                Languages = rng.Next(4) == 0 ? [] : [.. Languages.Where(_ => rng.Next(2) == 0)],
                CanMeet = [.. Needs.Where(_ => rng.Next(5) < 3)],
                Smoker = rng.Next(5) == 0,
                AvailableFrom = rng.Next(6) == 0 ? BatchDate.AddDays(rng.Next(-30, 30)) : null,
                AvailableUntil = rng.Next(8) == 0 ? BatchDate.AddDays(rng.Next(0, 60)) : null,
                Agency = (Agency)rng.Next(0, 4),
                WeeklyCost = rng.Next(3) == 0 ? null : rng.Next(300, 1200),
            });
        }

        var children = new List<Child>();
        var groups = rng.Next(1, maxGroups + 1);
        for (var g = 0; g < groups && children.Count < maxChildren; g++)
        {
            var size = Math.Min(rng.Next(4) == 0 ? rng.Next(2, 5) : 1, maxChildren - children.Count);
            var maySplit = size > 1 && size <= 3 && rng.Next(3) == 0;
            var type = rng.Next(2) == 0 ? PlacementType.Foster : (PlacementType)rng.Next(3);
            var contact = rng.Next(5) == 0 ? (Location?)null : Near(rng, 20);
            for (var k = 0; k < size; k++)
            {
                var needs = rng.Next(5) == 0 ? ImmutableArray.Create(Pick(rng, Needs)) : [];
                children.Add(new Child
                {
                    Id = $"C{children.Count:00}",
                    SiblingGroup = size > 1 ? $"G{g:00}" : null,
                    Siblings = maySplit ? SiblingRule.MaySplit : SiblingRule.Together,
                    DateOfBirth = BatchDate.AddDays(-rng.Next(100, 365 * 12)),
                    Sex = (Sex)rng.Next(3),
                    Ethnicity = rng.Next(6) == 0 ? null : Pick(rng, Ethnicities),
                    Religion = rng.Next(3) == 0 ? null : Pick(rng, Religions),
                    Languages = rng.Next(3) == 0 ? [] : [Pick(rng, Languages)],
                    Needs = needs,
                    PlacementType = type,
                    Contact = contact,
                    ContactPerWeek = rng.Next(4),
                    Home = type == PlacementType.Foster && rng.Next(2) == 0 ? Near(rng, 25) : null,
                    School = type == PlacementType.Foster && rng.Next(3) == 0 ? Near(rng, 25) : null,
                    Avoid = rng.Next(6) == 0 ? [new AvoidZone(Near(rng, 20), rng.Next(3, 12))] : [],
                    EnteredCare = rng.Next(4) == 0 ? null : BatchDate.AddDays(-rng.Next(0, 900)),
                    NeededBy = rng.Next(5) == 0 ? BatchDate.AddDays(rng.Next(0, 40)) : null,
                    ExcludedCarers = rng.Next(6) == 0 ? [carers[rng.Next(carers.Count)].Id] : [],
                });
            }
        }

        var pins = new List<Pin>();
        if (withPins && rng.Next(5) == 0)
        {
            pins.Add(new Pin(children[rng.Next(children.Count)].Id, carers[rng.Next(carers.Count)].Id));
        }

        var previous = children.Where(_ => rng.Next(5) == 0).Select(c => new PreviousMatch(c.Id, carers[rng.Next(carers.Count)].Id));
        return new MatchingProblem
        {
            Children = [.. children],
            Carers = [.. carers],
            Pins = [.. pins],
            Previous = [.. previous],
            BatchDate = BatchDate,
            Settings = RandomSettings(rng),
        };
    }

    private static MatchingSettings RandomSettings(Random rng)
    {
        var s = MatchingSettings.Default;
        if (rng.Next(4) == 0)
        {
            s = s with { Weights = s.Weights.SetItem("sibling_split", rng.Next(0, 3) * 10.0) };
        }

        if (rng.Next(4) == 0)
        {
            s = s with { Parameters = s.Parameters.SetItem("contact_distance.foster_miles", rng.Next(10, 30)) };
        }

        if (rng.Next(8) == 0)
        {
            s = s with { DisabledHardRules = s.DisabledHardRules.Add(rng.Next(2) == 0 ? "smoke_free" : "one_carer_whole_group") };
        }

        return s;
    }

    private static Location Near(Random rng, double miles)
    {
        var r = miles * Math.Sqrt(rng.NextDouble());
        var theta = rng.NextDouble() * 2 * Math.PI;
        return new Location(52.2 + (r * Math.Cos(theta) / 69.0), 0.12 + (r * Math.Sin(theta) / 42.3));
    }

    private static string Pick(Random rng, string[] values) => values[rng.Next(values.Length)];
}
