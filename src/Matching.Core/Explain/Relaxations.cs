using System.Collections.Immutable;
using System.Globalization;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Hard;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// What it would take: the smallest single changes that would give an unmatched child an eligible carer (a longer
/// contact limit, one more place, a wider age approval, ...), each naming the carer, so teams know where to recruit
/// or what to ask a panel to consider. Safeguarding decisions (locations to avoid, excluded carers) are never
/// offered as something to relax.
/// </summary>
internal static class Relaxations
{
    private const int MostShown = 3;

    private static readonly HashSet<string> NeverRelaxed = new(StringComparer.Ordinal)
    {
        AvoidLocations.Definition.Id, ExclusionsAndPins.Definition.Id,
    };

    /// <summary>No carer passes every pair rule: carers refused by exactly one rule show the single changes.</summary>
    public static ImmutableArray<string> ForNoEligibleCarer(PreparedBatch batch, Unit unit, bool[][] refused)
    {
        var rules = batch.Rules.PairRules;
        var best = new Dictionary<int, (double Size, int Carer, string Text, int Count)>();
        for (var c = 0; c < refused.Length; c++)
        {
            var only = -1;
            for (var r = 0; r < rules.Length; r++)
            {
                if (refused[c][r])
                {
                    only = only == -1 ? r : -2;
                }
            }

            if (only < 0 || NeverRelaxed.Contains(rules[only].Id))
            {
                continue;
            }

            var (size, text) = Describe(batch, unit, rules[only], batch.Carers[c]);
            var count = best.TryGetValue(only, out var seen) ? seen.Count + 1 : 1;
            if (!best.ContainsKey(only) || size < seen.Size)
            {
                best[only] = (size, c, text, count);
            }
            else
            {
                best[only] = seen with { Count = count };
            }
        }

        var list = best
            .OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => RuleCatalogue.All.IndexOf(RuleCatalogue.Find(rules[kv.Key].Id)!))
            .Take(MostShown)
            .Select(kv => kv.Value.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{kv.Value.Text} ({kv.Value.Count} carers are held back by {RuleText.Describe(rules[kv.Key].Id)} alone)")
                : kv.Value.Text)
            .ToList();
        if (list.Count == 0)
        {
            list.Add(Nearest(batch, refused));
        }

        list.Add(Recruit(batch, unit));
        return [.. list];
    }

    /// <summary>Eligible carers exist but are taken: the household limit that binds at each, smallest first.</summary>
    public static ImmutableArray<string> ForTakenCarers(PreparedBatch batch, Unit unit, int[] eligible, Dictionary<int, List<int>> unitsAt)
    {
        var rules = batch.Rules;
        var options = new List<(int Size, string Carer, string Text)>();
        foreach (var c in eligible)
        {
            var carer = batch.Carers[c];
            var there = unitsAt.TryGetValue(c, out var held) ? held : [];
            var load = there.Sum(u => batch.Units[u].Size);
            var otherFamilies = there.Any(u => batch.Units[u].Group != unit.Group);
            var permanence = rules.PermanenceSoleOn && otherFamilies
                && (IsPermanence(unit) || there.Any(u => IsPermanence(batch.Units[u])));
            if (permanence)
            {
                continue; // a permanence placement needs the household to itself: no number to change
            }

            // The household limits of BinLimits, taken apart so that only a single binding one is offered.
            var newLoad = load + unit.Size;
            var familyLoad = there.Where(u => batch.Units[u].Group == unit.Group).Sum(u => batch.Units[u].Size) + unit.Size;
            var placesBind = rules.CapacityOn && newLoad > carer.FreePlaces;
            var limitBind = rules.FosteringLimitOn && (otherFamilies || carer.Placed > 0) && carer.Placed + newLoad > rules.FosteringLimit.Limit;
            var familyBind = rules.PairRules.Any(r => r is GroupSizeAndSex) && familyLoad > carer.EffectiveMaxGroup;
            var id = carer.Id;
            if (placesBind && !limitBind && !familyBind)
            {
                var more = newLoad - carer.FreePlaces;
                options.Add((more, id, string.Create(CultureInfo.InvariantCulture, $"{Places(more)} at {id} (approved for {carer.Places}, {carer.Placed} placed before this batch)")));
            }
            else if (limitBind && !placesBind && !familyBind)
            {
                var over = carer.Placed + newLoad - rules.FosteringLimit.Limit;
                options.Add((over, id, string.Create(CultureInfo.InvariantCulture, $"an exemption from the usual fostering limit of {rules.FosteringLimit.Limit} at {id} ({carer.Placed + newLoad} children who are not all siblings)")));
            }
        }

        var list = options.OrderBy(o => o.Size).ThenBy(o => o.Carer, StringComparer.Ordinal).Take(MostShown).Select(o => o.Text).ToList();
        if (list.Count == 0)
        {
            // Every eligible household is needed for a permanence placement (or is held by two limits at once).
            list.Add(Recruit(batch, unit));
        }

        return [.. list];
    }

    private static bool IsPermanence(Unit unit) => unit.Children.Any(ch => PermanenceSolePlacement.IsPermanence(ch.PlacementType));

    private static string Places(int n) => n == 1 ? "one more place" : string.Create(CultureInfo.InvariantCulture, $"{n} more places");

    /// <summary>How far this carer is from passing this one rule: a size to rank by, and the sentence.</summary>
    private static (double Size, string Text) Describe(PreparedBatch batch, Unit unit, HardRule rule, Carer carer)
    {
        var id = carer.Id;
        var facts = unit.Children.Select(ch => batch.Facts(unit, ch, carer)).ToArray();
        var first = facts[0];
        switch (rule)
        {
            case ContactDistance distance:
            {
                var worst = facts.Where(f => !rule.Allows(f)).MaxBy(f => f.ContactMiles);
                var limit = distance.LimitFor(worst.Child.PlacementType) ?? 0;
                var miles = Math.Ceiling(worst.ContactMiles);
                return (worst.ContactMiles - limit, string.Create(CultureInfo.InvariantCulture, $"a contact travel limit of {miles:0} miles instead of {limit:0.#}: {id} is {worst.ContactMiles:0.0} miles from the contact venue"));
            }

            case Capacity:
                var more = unit.Size - carer.FreePlaces;
                return (more, string.Create(CultureInfo.InvariantCulture, $"{Places(more)} at {id} (approved for {carer.Places}, {carer.Placed} placed)"));
            case FosteringLimit limit:
                return (carer.Placed + unit.Size - limit.Limit, string.Create(CultureInfo.InvariantCulture, $"an exemption from the usual fostering limit of {limit.Limit} at {id} ({carer.Placed} placed)"));
            case ApprovalFitsPlan:
                return (1, $"approval of {id} as {Needed(first.Child.PlacementType)}");
            case PermanenceSolePlacement:
                return (carer.Placed, string.Create(CultureInfo.InvariantCulture, $"{id} with no other child at home ({carer.Placed} placed now; this plan needs the household to itself)"));
            case AgeRange:
            {
                var ages = facts.Select(f => f.ChildAge).ToArray();
                var low = Math.Min(carer.AgeMin, ages.Min());
                var high = Math.Max(carer.AgeMax, ages.Max());
                var years = (carer.AgeMin - low) + (high - carer.AgeMax);
                return (years, string.Create(CultureInfo.InvariantCulture, $"an approval for ages {low}–{high} at {id} (now {carer.AgeMin}–{carer.AgeMax})"));
            }

            case Availability:
            {
                var needed = first.NeededOn;
                var days = carer.AvailableFrom is { } from && from > needed
                    ? from.DayNumber - needed.DayNumber
                    : carer.AvailableUntil is { } until ? needed.DayNumber - until.DayNumber : 0;
                var when = carer.AvailableFrom is { } f && f > needed
                    ? $"from {f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                    : $"until {carer.AvailableUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                return (days, string.Create(CultureInfo.InvariantCulture, $"{id} available on {needed:yyyy-MM-dd} (available {when}, {days} days apart)"));
            }

            case NeedsMet:
            {
                var missing = unit.Children.SelectMany(ch => ch.Needs).Where(n => !Text.Contains(carer.CanMeet, n))
                    .Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                return (missing.Length, $"{id} able to meet {string.Join(", ", missing)}");
            }

            case SmokeFree:
                return (1, $"a smoke-free home at {id}");
            case GroupSizeAndSex:
                return carer.EffectiveMaxGroup < unit.Size
                    ? (unit.Size - carer.EffectiveMaxGroup, string.Create(CultureInfo.InvariantCulture, $"{id} taking a sibling group of {unit.Size} (now up to {carer.EffectiveMaxGroup})"))
                    : (1, $"{id} approved for a {(first.Child.Sex == Sex.Male ? "boy" : "girl")}");
            default:
                return (1, $"{id} allowed by {RuleText.Describe(rule.Id)}");
        }
    }

    private static string Needed(PlacementType type) => type switch
    {
        PlacementType.Concurrent => "a concurrent carer (dual approval as foster carer and adopter)",
        PlacementType.Ffa or PlacementType.Adoption => "an adopter",
        _ => "a foster carer",
    };

    /// <summary>Every carer fails two or more rules: name the nearest carers and what they fail.</summary>
    private static string Nearest(PreparedBatch batch, bool[][] refused)
    {
        var rules = batch.Rules.PairRules;
        var fewest = Enumerable.Range(0, refused.Length)
            .Select(c => (Carer: c, Rules: Enumerable.Range(0, rules.Length).Where(r => refused[c][r]).Select(r => rules[r].Id).ToArray()))
            .Where(x => !x.Rules.Any(NeverRelaxed.Contains))
            .OrderBy(x => x.Rules.Length).ThenBy(x => x.Carer)
            .FirstOrDefault();
        return fewest.Rules is null
            ? "no single change would do: every carer is ruled out by a safeguarding decision (locations to avoid or excluded carers)"
            : string.Create(CultureInfo.InvariantCulture, $"no single change would do: the nearest is {batch.Carers[fewest.Carer].Id}, which needs {fewest.Rules.Length} ({string.Join(", ", fewest.Rules.Select(RuleText.Describe))})");
    }

    /// <summary>The household to recruit: everything the hard rules ask of a carer for this unit, in plain words.</summary>
    private static string Recruit(PreparedBatch batch, Unit unit)
    {
        var parts = new List<string>();
        var type = unit.Children[0].PlacementType;
        parts.Add($"recruit: a household approved as {Needed(type)}");
        var ages = unit.Children.Select(ch => ch.AgeOn(ch.NeededOn(batch.Context.BatchDate))).ToArray();
        parts.Add(ages.Min() == ages.Max()
            ? string.Create(CultureInfo.InvariantCulture, $"for age {ages.Min()}")
            : string.Create(CultureInfo.InvariantCulture, $"for ages {ages.Min()}–{ages.Max()}"));
        if (unit.Size > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"with {unit.Size} free places"));
        }

        var limit = unit.Children.Where(ch => ch.Contact is not null)
            .Select(ch => batch.Rules.ContactDistance.LimitFor(ch.PlacementType)).Where(l => l is not null).Min();
        if (limit is { } miles && batch.Rules.PairRules.Any(r => r is ContactDistance))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"within {miles:0.#} miles of the contact venue"));
        }

        var needs = unit.Children.SelectMany(ch => ch.Needs).Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (needs.Length > 0)
        {
            parts.Add("able to meet " + string.Join(", ", needs));
        }

        if (PermanenceSolePlacement.IsPermanence(type))
        {
            parts.Add("with no other child at home");
        }

        return string.Join(", ", parts);
    }
}
