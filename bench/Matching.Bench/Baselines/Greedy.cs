using Matching.Model;

namespace Matching.Bench.Baselines;

/// <summary>
/// The way family finders work today: children in order of waiting time (longest first), each takes the best
/// eligible carer still free, judged by the engine's own hard and soft rules. A sibling group that must stay
/// together is taken as one unit when its longest-waiting child's turn comes; a may-split group's children are
/// taken one by one, preferring a sibling's carer through the split penalty. Pins are honoured first.
/// </summary>
internal static class Greedy
{
    public static Plan Solve(BatchView view)
    {
        var loads = view.Carers.Select(c => new CarerLoad(view, c)).ToArray();
        var carerOf = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (childId, carerId) in view.Pins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var group = view.GroupOf[childId];
            if (carerOf.ContainsKey(childId) || !view.CarerIndex.TryGetValue(carerId, out var j))
            {
                continue;
            }

            var unit = view.SplitAllowed(group) ? group.Children.Where(c => c.Id == childId).ToList() : [.. group.Children];
            loads[j].Add(group, unit.Count);
            unit.ForEach(c => carerOf[c.Id] = carerId);
        }

        var order = view.Groups
            .OrderBy(g => g.Children.Min(c => c.EnteredCare ?? DateOnly.MaxValue))
            .ThenBy(g => g.Id, StringComparer.Ordinal);
        foreach (var group in order)
        {
            IEnumerable<IReadOnlyList<Child>> units = view.SplitAllowed(group)
                ? PlanEvaluator.ByWaitingTime(group.Children).Select(c => (IReadOnlyList<Child>)[c])
                : [group.Children];
            foreach (var unit in units)
            {
                if (unit.Any(c => carerOf.ContainsKey(c.Id)))
                {
                    continue;
                }

                var best = Best(view, loads, group, unit, carerOf);
                if (best >= 0)
                {
                    loads[best].Add(group, unit.Count);
                    foreach (var child in unit)
                    {
                        carerOf[child.Id] = view.Carers[best].Id;
                    }
                }
            }
        }

        return Plan.From("greedy", carerOf, proved: false);
    }

    private static int Best(BatchView view, CarerLoad[] loads, SiblingGroup group, IReadOnlyList<Child> unit, Dictionary<string, string> carerOf)
    {
        var siblingCarers = group.Children.Where(c => carerOf.ContainsKey(c.Id)).Select(c => carerOf[c.Id]).ToHashSet(StringComparer.Ordinal);
        var best = -1;
        var bestScore = long.MinValue;
        for (var j = 0; j < loads.Length; j++)
        {
            var carer = view.Carers[j];
            if (loads[j].Refusal(view, group, unit.Count) is not null)
            {
                continue;
            }

            long score = 0;
            var allowed = true;
            foreach (var child in unit)
            {
                if (!view.Allows(child, carer))
                {
                    allowed = false;
                    break;
                }

                score += view.Milli(child, carer);
            }

            if (!allowed)
            {
                continue;
            }

            if (siblingCarers.Count > 0 && !siblingCarers.Contains(carer.Id))
            {
                score -= view.SplitMilli;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        return best;
    }
}
