using System.Collections.Immutable;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Soft;
using Matching.Solving;

namespace Matching.Checking;

/// <summary>The score of a plan, recomputed from the rules alone.</summary>
/// <param name="ChildrenPlaced">Children placed.</param>
/// <param name="Score">Total score in points.</param>
/// <param name="ByRule">Total points by soft rule id, in catalogue order.</param>
public sealed record PlanScore(int ChildrenPlaced, decimal Score, ImmutableArray<RuleScore> ByRule);

/// <summary>
/// Scores any plan from scratch: the pair-level soft rules for every placed child, and the sibling-split rule for
/// every group. Independent of the solver's objective, which the tests assert it equals on every plan.
/// </summary>
public static class PlanScorer
{
    /// <summary>Scores <paramref name="plan"/> (carer id by child id for every placed child).</summary>
    public static PlanScore Score(MatchingProblem problem, IReadOnlyDictionary<string, string> plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var batch = new PreparedBatch(problem);
        var rules = batch.Rules;
        var byRule = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in RuleCatalogue.Soft)
        {
            byRule[r.Id] = 0;
        }

        var placed = 0;
        foreach (var group in batch.Groups)
        {
            var parts = group.Children.Where(c => plan.ContainsKey(c.Id)).GroupBy(c => plan[c.Id], StringComparer.Ordinal).ToList();
            var far = 0;
            foreach (var part in parts)
            {
                var carer = batch.Carers[batch.CarerIndex[part.Key]];
                foreach (var child in part)
                {
                    placed++;
                    var facts = new PairFacts(batch.Context, child, group, part.Count(), carer);
                    for (var i = 0; i < rules.PairSoftRules.Length; i++)
                    {
                        byRule[rules.PairSoftRules[i].Id] += PairScorer.Contribution(rules, i, facts);
                    }

                    far += SiblingSplit.IsFar(facts.ContactMiles, rules.SplitNearMiles) ? 1 : 0;
                }
            }

            var splittable = group.Size > 1 && (group.Rule == SiblingRule.MaySplit || !rules.GroupsStayWhole);
            if (splittable && parts.Count > 1)
            {
                byRule[SiblingSplit.Definition.Id] -= (Points.ToMilli(rules.SplitWeight) * (parts.Count - 1))
                    + (Points.ToMilli(rules.SplitWeight * rules.SplitFarChild) * far);
            }
        }

        var total = byRule.Values.Sum();
        return new PlanScore(
            placed,
            Points.FromMilli(total),
            [.. RuleCatalogue.Soft.Select(r => new RuleScore(r.Id, Points.FromMilli(byRule[r.Id]), 0))]);
    }
}
