using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Bench.Baselines;

/// <summary>
/// Checks a plan against every hard rule and scores it with the engine's rule code, independently of how the
/// plan was made, so the engine, greedy and the naive model are compared on one scale.
/// </summary>
internal static class PlanEvaluator
{
    public static PlanMetrics Evaluate(BatchView view, Plan plan)
    {
        var violations = new List<string>();
        var ethnicity = new Ethnicity(view.Context);
        var religion = new Religion();
        var language = new Language();
        var loads = new Dictionary<string, CarerLoad>(StringComparer.Ordinal);
        var placed = 0;
        var score = 0.0;
        var miles = 0.0;
        var withVenue = 0;
        var identity = 0;

        foreach (var (childId, pinned) in view.Pins)
        {
            if (!plan.CarerOf.TryGetValue(childId, out var c) || !string.Equals(c, pinned, StringComparison.Ordinal))
            {
                violations.Add($"pin {childId}->{pinned} not kept");
            }
        }

        foreach (var group in view.Groups)
        {
            var carers = group.Children
                .Where(c => plan.CarerOf.ContainsKey(c.Id))
                .GroupBy(c => plan.CarerOf[c.Id], StringComparer.Ordinal)
                .ToList();
            if (!view.SplitAllowed(group) && (carers.Count > 1 || (carers.Count == 1 && carers[0].Count() != group.Size)))
            {
                violations.Add($"group {group.Id} not placed whole with one carer");
            }

            var far = 0;
            foreach (var byCarer in carers)
            {
                if (!view.CarerIndex.TryGetValue(byCarer.Key, out var index))
                {
                    violations.Add($"unknown carer {byCarer.Key}");
                    continue;
                }

                var carer = view.Carers[index];
                var load = loads.TryGetValue(carer.Id, out var l) ? l : loads[carer.Id] = new CarerLoad(carer);
                var size = byCarer.Count();
                if (load.Refusal(view, group, size) is { } rule)
                {
                    violations.Add($"{rule}: carer {carer.Id} with group {group.Id}");
                }

                load.Add(group, size);
                foreach (var child in byCarer)
                {
                    var pair = view.Pair(child, carer);
                    if (view.Rules.FirstRefusal(pair) is { } refusal)
                    {
                        violations.Add($"{refusal.Id}: child {child.Id} with carer {carer.Id}");
                    }

                    placed++;
                    score += view.Points(child, carer);
                    if (!double.IsNaN(pair.ContactMiles))
                    {
                        miles += pair.ContactMiles;
                        withVenue++;
                    }

                    if (ethnicity.MatchWeight(pair) == 0 && religion.MatchWeight(pair) == 0 && language.MatchWeight(pair) == 0)
                    {
                        identity++;
                    }

                    far += view.IsFarWhenSplit(child, carer) ? 1 : 0;
                }
            }

            if (carers.Count > 1)
            {
                score -= view.SplitPoints(carers.Count, far);
            }
        }

        return new PlanMetrics(placed, score, miles, withVenue == 0 ? 0 : miles / withVenue, identity, violations);
    }

    /// <summary>The engine's plan as a <see cref="Plan"/>.</summary>
    public static Plan FromResult(MatchingResult result) =>
        Plan.From("engine", result.Proposals.Select(p => KeyValuePair.Create(p.ChildId, p.CarerId)), result.Status == SolveStatus.Optimal);

    /// <summary>Children of the batch in the order family finders take them: longest wait first, then id.</summary>
    public static IEnumerable<Child> ByWaitingTime(IEnumerable<Child> children) =>
        children.OrderBy(c => c.EnteredCare ?? DateOnly.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal);
}
