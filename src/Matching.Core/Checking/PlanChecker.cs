using System.Collections.Immutable;
using System.Globalization;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Hard;
using Matching.Solving;

namespace Matching.Checking;

/// <summary>
/// Checks every hard rule on a plan, independently of how the plan was made (by the solver, by hand, by another
/// tool). Structural rules (whole groups, capacity totals, the fostering limit, one group for permanence, pins)
/// are recounted here from the plan itself.
/// </summary>
public static class PlanChecker
{
    /// <summary>Every broken hard rule as <c>rule_id: sentence</c>, in a stable order; empty when the plan keeps them all.</summary>
    /// <param name="problem">The batch.</param>
    /// <param name="plan">Carer id by child id for every placed child.</param>
    public static ImmutableArray<string> Check(MatchingProblem problem, IReadOnlyDictionary<string, string> plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var batch = new PreparedBatch(problem);
        var rules = batch.Rules;
        var errors = new List<string>();
        var children = problem.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (childId, carerId) in plan.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!children.ContainsKey(childId))
            {
                errors.Add($"{OneCarerWholeGroup.Definition.Id}: the plan places '{childId}', who is not in the batch");
            }

            if (!batch.CarerIndex.ContainsKey(carerId))
            {
                errors.Add($"{OneCarerWholeGroup.Definition.Id}: the plan uses carer '{carerId}', who is not in the batch");
            }
        }

        if (errors.Count > 0)
        {
            return [.. errors];
        }

        // Whole groups (H1) and pair rules with the part of the group at each carer.
        foreach (var group in batch.Groups)
        {
            var placed = group.Children.Where(c => plan.ContainsKey(c.Id)).ToList();
            if (group.Rule == SiblingRule.Together && rules.GroupsStayWhole && placed.Count > 0)
            {
                if (placed.Count != group.Size || placed.Select(c => plan[c.Id]).Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    errors.Add($"{OneCarerWholeGroup.Definition.Id}: sibling group {group.Id} must be placed whole with one carer");
                }
            }

            foreach (var part in placed.GroupBy(c => plan[c.Id], StringComparer.Ordinal))
            {
                var carer = batch.Carers[batch.CarerIndex[part.Key]];
                var partSize = part.Count();
                foreach (var child in part)
                {
                    foreach (var rule in rules.PairRules)
                    {
                        if (!rule.Allows(new PairFacts(batch.Context, child, group, partSize, carer)))
                        {
                            errors.Add($"{rule.Id}: child {child.Id} with carer {carer.Id}");
                        }
                    }
                }
            }
        }

        // Totals per carer.
        var groupOf = batch.Groups.SelectMany(g => g.Children.Select(c => (c.Id, g.Id))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        foreach (var atCarer in plan.GroupBy(kv => kv.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var carer = batch.Carers[batch.CarerIndex[atCarer.Key]];
            var count = atCarer.Count();
            var families = atCarer.Select(kv => groupOf[kv.Key]).Distinct(StringComparer.Ordinal).Count();
            var total = carer.Placed + count;
            if (rules.CapacityOn && total > carer.Places)
            {
                errors.Add($"{Capacity.Definition.Id}: carer {carer.Id} would hold {total.ToString(CultureInfo.InvariantCulture)} children with {carer.Places.ToString(CultureInfo.InvariantCulture)} places");
            }

            var limit = rules.FosteringLimit.Limit;
            if (rules.FosteringLimitOn && total > limit && (families > 1 || carer.Placed > 0))
            {
                errors.Add($"{FosteringLimit.Definition.Id}: carer {carer.Id} would hold {total.ToString(CultureInfo.InvariantCulture)} children who are not all siblings");
            }

            if (rules.PermanenceSoleOn && families > 1 && atCarer.Any(kv => PermanenceSolePlacement.IsPermanence(children[kv.Key].PlacementType)))
            {
                errors.Add($"{PermanenceSolePlacement.Definition.Id}: carer {carer.Id} would hold a permanence placement with another sibling group");
            }
        }

        foreach (var pin in problem.Pins.OrderBy(p => p.ChildId, StringComparer.Ordinal))
        {
            if (!plan.TryGetValue(pin.ChildId, out var carer) || !string.Equals(carer, pin.CarerId, StringComparison.Ordinal))
            {
                errors.Add($"{ExclusionsAndPins.Definition.Id}: pin {pin.ChildId}→{pin.CarerId} is not kept");
            }
        }

        return [.. errors];
    }
}
