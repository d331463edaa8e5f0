using System.Collections.Immutable;
using System.Globalization;
using Matching.Rules;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// For every child left unmatched: how many carers each hard rule excluded (every carer is looked at, so the counts
/// are exact), whether eligible carers went to other children and to whom, what placing the child would cost the
/// batch, the smallest single changes that would help, and one sentence to read out.
/// </summary>
internal static class UnmatchedExplainer
{
    public static ImmutableArray<UnmatchedChild> Explain(BatchSolution solution, Dictionary<int, Alternative[]> alternatives, CancellationToken cancellationToken)
    {
        var batch = solution.Batch;
        var result = new List<UnmatchedChild>();
        var unitsAt = new Dictionary<int, List<int>>();
        for (var u = 0; u < batch.Units.Length; u++)
        {
            if (solution.UnitCarer[u] >= 0)
            {
                if (!unitsAt.TryGetValue(solution.UnitCarer[u], out var list))
                {
                    unitsAt[solution.UnitCarer[u]] = list = [];
                }

                list.Add(u);
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
            var refusals = Refusals(batch, unit);
            var blocking = Cascade(batch, refusals);
            var takenBy = eligible
                .Where(unitsAt.ContainsKey)
                .Select(c => $"{batch.Carers[c].Id} ({string.Join(", ", unitsAt[c].SelectMany(x => batch.Units[x].Children).Select(ch => ch.Id).Order(StringComparer.Ordinal))})")
                .ToImmutableArray();
            var whatItWouldTake = eligible.Length == 0
                ? Relaxations.ForNoEligibleCarer(batch, unit, refusals)
                : Relaxations.ForTakenCarers(batch, unit, eligible, unitsAt);
            alternatives.TryGetValue(u, out var alts);
            var reason = Reason(batch, unit, eligible.Length, blocking, takenBy, alts, whatItWouldTake);
            foreach (var child in unit.Children)
            {
                result.Add(new UnmatchedChild
                {
                    ChildId = child.Id,
                    SiblingGroup = batch.Groups[unit.Group].Id,
                    EligibleCarers = eligible.Length,
                    Blocking = blocking,
                    TakenBy = takenBy,
                    WhatItWouldTake = whatItWouldTake,
                    Reason = reason,
                });
            }
        }

        return [.. result.OrderBy(r => r.ChildId, StringComparer.Ordinal)];
    }

    /// <summary>For every carer, which pair rules refuse the unit (any child of it), indexed like <see cref="RuleSet.PairRules"/>.</summary>
    internal static bool[][] Refusals(PreparedBatch batch, Unit unit)
    {
        var rules = batch.Rules.PairRules;
        var refused = new bool[batch.Carers.Length][];
        for (var c = 0; c < refused.Length; c++)
        {
            refused[c] = new bool[rules.Length];
            foreach (var child in unit.Children)
            {
                var facts = batch.Facts(unit, child, batch.Carers[c]);
                for (var r = 0; r < rules.Length; r++)
                {
                    refused[c][r] |= !rules[r].Allows(facts);
                }
            }
        }

        return refused;
    }

    /// <summary>
    /// The exclusions as a cascade: the rule that refuses the most carers first, then the rule that refuses the most
    /// of the carers left, and so on, so the counts add up to the carers excluded. Ties go in catalogue order.
    /// </summary>
    internal static ImmutableArray<RuleExclusion> Cascade(PreparedBatch batch, bool[][] refused)
    {
        var rules = batch.Rules.PairRules;
        var left = Enumerable.Range(0, refused.Length).Where(c => refused[c].Any(x => x)).ToList();
        var used = new bool[rules.Length];
        var cascade = ImmutableArray.CreateBuilder<RuleExclusion>();
        while (left.Count > 0)
        {
            var best = -1;
            var bestCount = 0;
            foreach (var r in Enumerable.Range(0, rules.Length).Where(r => !used[r]).OrderBy(r => CatalogueIndex(rules[r].Id)))
            {
                var count = left.Count(c => refused[c][r]);
                if (count > bestCount)
                {
                    best = r;
                    bestCount = count;
                }
            }

            used[best] = true;
            cascade.Add(new RuleExclusion(rules[best].Id, bestCount));
            left.RemoveAll(c => refused[c][best]);
        }

        return cascade.ToImmutable();
    }

    private static int CatalogueIndex(string id) => RuleCatalogue.All.IndexOf(RuleCatalogue.Find(id)!);

    private static string Reason(
        PreparedBatch batch, Unit unit, int eligible, ImmutableArray<RuleExclusion> blocking, ImmutableArray<string> takenBy, Alternative[]? alts,
        ImmutableArray<string> whatItWouldTake)
    {
        var total = batch.Carers.Length;
        var who = unit.Size > 1
            ? string.Create(CultureInfo.InvariantCulture, $"this sibling group of {unit.Size}")
            : "this child";
        if (total == 0)
        {
            return "There are no carers in this batch.";
        }

        var help = whatItWouldTake.IsEmpty ? ""
            : whatItWouldTake[0].StartsWith("no single change", StringComparison.Ordinal) || whatItWouldTake[0].StartsWith("recruit:", StringComparison.Ordinal)
                ? "; " + whatItWouldTake[0]
                : "; the smallest change that would help: " + whatItWouldTake[0];
        if (eligible == 0)
        {
            var steps = blocking.Select((b, i) => string.Create(
                CultureInfo.InvariantCulture,
                $"{RuleText.Describe(b.RuleId)} ruled out {b.CarersExcluded}{(i == 0 ? "" : i == blocking.Length - 1 ? " of the rest" : " more")}"));
            return string.Create(CultureInfo.InvariantCulture, $"No carer meets every hard rule for {who}: of {total} carers, {string.Join(", ", steps)}{help}.");
        }

        var price = "";
        var cheapest = alts?.Where(a => a.PlacementsLost != long.MaxValue).OrderBy(a => a.PlacementsLost).ThenBy(a => a.CostMilli).ThenBy(a => a.Carer).FirstOrDefault();
        if (cheapest is { } c && alts!.Length > 0 && c.PlacementsLost >= 0)
        {
            var others = c.PlacementsLost + unit.Size;
            var fewer = c.PlacementsLost > 0
                ? string.Create(CultureInfo.InvariantCulture, $", {c.PlacementsLost} fewer placed in all,")
                : "";
            price = string.Create(
                CultureInfo.InvariantCulture,
                $"; placing {who} with {batch.Carers[c.Carer].Id} would leave {others} other {(others == 1 ? "child" : "children")} unplaced{fewer} and cost the batch {Points.FromMilli(c.CostMilli):0.##} points");
        }

        var carers = eligible == 1 ? "1 carer meets" : string.Create(CultureInfo.InvariantCulture, $"{eligible} carers meet");
        if (!takenBy.IsEmpty)
        {
            var names = string.Join(", ", takenBy.Take(3)) + (takenBy.Length > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {takenBy.Length - 3} more") : "");
            var all = takenBy.Length == eligible ? (eligible == 1 ? "it is proposed for another child" : "all of them are proposed for other children") : string.Create(CultureInfo.InvariantCulture, $"{takenBy.Length} are proposed for other children and the rest cannot take them beside the other proposals");
            return $"{carers} every hard rule for {who}, but {all}: {names}{price}.";
        }

        return $"{carers} every hard rule for {who} one at a time, but none can take them beside the other proposals{price}.";
    }
}
