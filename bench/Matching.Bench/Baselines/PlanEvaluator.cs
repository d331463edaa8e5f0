using Matching.Checking;
using Matching.Model;
using Matching.Rules.Soft;

namespace Matching.Bench.Baselines;

/// <summary>
/// Measures a plan from any method on one scale: the engine's independent plan checker (hard rules) and plan scorer
/// (score), plus contact miles and identity matches computed here with the engine's rule code.
/// </summary>
internal static class PlanEvaluator
{
    public static PlanMetrics Evaluate(BatchView view, Plan plan)
    {
        var ethnicity = new Ethnicity(view.Batch.Context);
        var religion = new Religion();
        var language = new Language();
        var miles = 0.0;
        var withVenue = 0;
        var identity = 0;
        foreach (var (childId, carerId) in plan.CarerOf)
        {
            if (!view.GroupOf.TryGetValue(childId, out var group) || !view.CarerIndex.TryGetValue(carerId, out var j))
            {
                continue; // the checker reports it
            }

            var pair = view.Pair(group.Children.First(c => c.Id == childId), view.Carers[j]);
            if (!double.IsNaN(pair.ContactMiles))
            {
                miles += pair.ContactMiles;
                withVenue++;
            }

            if (ethnicity.MatchWeight(pair) == 0 && religion.MatchWeight(pair) == 0 && language.MatchWeight(pair) == 0)
            {
                identity++;
            }
        }

        var score = PlanScorer.Score(view.Problem, plan.CarerOf);
        return new PlanMetrics(
            score.ChildrenPlaced, score.Score, miles, withVenue == 0 ? 0 : miles / withVenue, identity,
            PlanChecker.Check(view.Problem, plan.CarerOf));
    }

    /// <summary>The engine's plan as a <see cref="Plan"/>.</summary>
    public static Plan FromResult(MatchingResult result) =>
        Plan.From("engine", result.Proposals.Select(p => KeyValuePair.Create(p.ChildId, p.CarerId)), result.Status == SolveStatus.Optimal);

    /// <summary>Children in the order family finders take them: longest wait first, then id.</summary>
    public static IEnumerable<Child> ByWaitingTime(IEnumerable<Child> children) =>
        children.OrderBy(c => c.EnteredCare ?? DateOnly.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal);
}
