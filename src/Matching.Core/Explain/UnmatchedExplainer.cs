using System.Collections.Immutable;
using System.Globalization;
using Matching.Rules;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// For every child left unmatched: how many carers each hard rule excluded (every carer is looked at, so the
/// counts are exact), whether eligible carers went to other children, and one sentence to read out.
/// </summary>
internal static class UnmatchedExplainer
{
    public static ImmutableArray<UnmatchedChild> Explain(BatchSolution solution, Dictionary<int, Alternative[]> alternatives, CancellationToken cancellationToken)
    {
        var batch = solution.Batch;
        var result = new List<UnmatchedChild>();
        var childOfCarer = new Dictionary<int, List<string>>();
        for (var u = 0; u < batch.Units.Length; u++)
        {
            if (solution.UnitCarer[u] >= 0)
            {
                if (!childOfCarer.TryGetValue(solution.UnitCarer[u], out var list))
                {
                    childOfCarer[solution.UnitCarer[u]] = list = [];
                }

                list.AddRange(batch.Units[u].Children.Select(c => c.Id));
            }
        }

        for (var u = 0; u < batch.Units.Length; u++)
        {
            if (solution.UnitCarer[u] >= 0)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var unit = batch.Units[u];
            var eligible = solution.Candidates.CarersOf(u).ToArray();
            foreach (var child in unit.Children)
            {
                var blocking = Exclusions(batch, unit, child);
                var takenBy = eligible
                    .Where(childOfCarer.ContainsKey)
                    .Select(c => $"{batch.Carers[c].Id} ({string.Join(", ", childOfCarer[c].Order(StringComparer.Ordinal))})")
                    .ToImmutableArray();
                alternatives.TryGetValue(u, out var alts);
                result.Add(new UnmatchedChild
                {
                    ChildId = child.Id,
                    SiblingGroup = batch.Groups[unit.Group].Id,
                    EligibleCarers = eligible.Length,
                    Blocking = blocking,
                    TakenBy = takenBy,
                    Reason = Reason(batch, unit, eligible.Length, blocking, takenBy.Length, alts),
                });
            }
        }

        return [.. result.OrderBy(r => r.ChildId, StringComparer.Ordinal)];
    }

    /// <summary>How many carers each hard pair rule refuses for this child, most first, then in catalogue order.</summary>
    internal static ImmutableArray<RuleExclusion> Exclusions(PreparedBatch batch, Unit unit, Model.Child child)
    {
        var counts = new int[batch.Rules.PairRules.Length];
        foreach (var carer in batch.Carers)
        {
            var facts = batch.Facts(unit, child, carer);
            for (var r = 0; r < counts.Length; r++)
            {
                if (!batch.Rules.PairRules[r].Allows(facts))
                {
                    counts[r]++;
                }
            }
        }

        return [.. batch.Rules.PairRules
            .Select((rule, r) => new RuleExclusion(rule.Id, counts[r]))
            .Where(e => e.CarersExcluded > 0)
            .OrderByDescending(e => e.CarersExcluded)
            .ThenBy(e => RuleCatalogue.All.IndexOf(RuleCatalogue.Find(e.RuleId)!))];
    }

    private static string Reason(PreparedBatch batch, Unit unit, int eligible, ImmutableArray<RuleExclusion> blocking, int taken, Alternative[]? alts)
    {
        var total = batch.Carers.Length;
        var who = unit.Size > 1
            ? string.Create(CultureInfo.InvariantCulture, $"this sibling group of {unit.Size}")
            : "this child";
        if (total == 0)
        {
            return "There are no carers in this batch.";
        }

        if (eligible == 0)
        {
            var top = string.Join(", ", blocking.Take(3).Select(b => string.Create(CultureInfo.InvariantCulture, $"{Describe(b.RuleId)} ruled out {b.CarersExcluded} of {total}")));
            return $"No carer meets every hard rule for {who}: {top}.";
        }

        var cheapest = alts?.Where(a => a.PlacementsLost != long.MaxValue).OrderBy(a => a.PlacementsLost).ThenBy(a => a.CostMilli).FirstOrDefault();
        var price = cheapest is { } c && alts!.Length > 0
            ? c.PlacementsLost < 0
                ? ""
                : c.PlacementsLost > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"; placing {who} would leave {c.PlacementsLost + unit.Size} other child(ren) unplaced")
                    : string.Create(CultureInfo.InvariantCulture, $"; placing {who} with {batch.Carers[c.Carer].Id} would cost the batch {Points.FromMilli(c.CostMilli):0.##} points")
            : "";
        return taken > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{eligible} carer(s) could take {who}, but {taken} of them are needed for other children and the rest have no room left{price}.")
            : string.Create(CultureInfo.InvariantCulture, $"{eligible} carer(s) meet the rules for {who} one by one, but placing them breaks a household limit with the other proposals{price}.");
    }

    private static string Describe(string ruleId) => ruleId switch
    {
        "contact_distance" => "contact distance",
        "approval" => "approval type",
        "age_range" => "approved age range",
        "availability" => "availability dates",
        "capacity" => "free places",
        "fostering_limit" => "the fostering limit",
        "permanence_sole_placement" => "a household to itself",
        "avoid_locations" => "locations to avoid",
        "needs_met" => "needs the carer can meet",
        "smoke_free" => "smoke-free home",
        "group_size_and_sex" => "group size or sex",
        "exclusions_and_pins" => "excluded carers",
        _ => ruleId,
    };
}
