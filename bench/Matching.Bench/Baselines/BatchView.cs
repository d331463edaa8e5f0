using System.Collections.Frozen;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Hard;
using Matching.Rules.Soft;

namespace Matching.Bench.Baselines;

/// <summary>
/// A batch seen through the engine's own rule code, so the baselines and the plan evaluator judge every pair
/// exactly as the engine does: sibling groups, the rule set bound to the settings, and per-pair eligibility and score.
/// </summary>
internal sealed class BatchView
{
    public BatchView(MatchingProblem problem)
    {
        Problem = problem;
        var previous = problem.Previous.ToDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);
        Context = new RuleContext(problem.Settings, problem.BatchDate, previous);
        Rules = new RuleSet(Context);
        Groups = SiblingGroup.Form(problem.Children);
        Carers = [.. problem.Carers.OrderBy(c => c.Id, StringComparer.Ordinal)];
        GroupOf = Groups.SelectMany(g => g.Children.Select(c => (c.Id, g))).ToFrozenDictionary(p => p.Id, p => p.g, StringComparer.Ordinal);
        CarerIndex = Carers.Select((c, i) => (c.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Pins = problem.Pins.ToFrozenDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);
    }

    public MatchingProblem Problem { get; }

    public RuleContext Context { get; }

    public RuleSet Rules { get; }

    /// <summary>Sibling groups in id order.</summary>
    public IReadOnlyList<SiblingGroup> Groups { get; }

    /// <summary>Carers in id order.</summary>
    public IReadOnlyList<Carer> Carers { get; }

    public FrozenDictionary<string, SiblingGroup> GroupOf { get; }

    public FrozenDictionary<string, int> CarerIndex { get; }

    public FrozenDictionary<string, string> Pins { get; }

    /// <summary>Children placed together in one unit: the whole group when it must stay together, else one child.</summary>
    public int UnitSize(SiblingGroup group) => group.Rule == SiblingRule.MaySplit || !Rules.GroupsStayWhole ? 1 : group.Size;

    public bool SplitAllowed(SiblingGroup group) => group.Rule == SiblingRule.MaySplit || !Rules.GroupsStayWhole;

    public static bool IsPermanence(SiblingGroup group) => group.Children.Any(c => PermanenceSolePlacement.IsPermanence(c.PlacementType));

    public PairFacts Pair(Child child, Carer carer)
    {
        var group = GroupOf[child.Id];
        return new PairFacts(Context, child, group, UnitSize(group), carer);
    }

    /// <summary>True when every pair-level hard rule allows the child with the carer.</summary>
    public bool Allows(Child child, Carer carer)
    {
        var pair = Pair(child, carer);
        return Rules.FirstRefusal(pair) is null;
    }

    /// <summary>The child's soft score with the carer, in points (rewards positive, penalties negative).</summary>
    public double Points(Child child, Carer carer)
    {
        var pair = Pair(child, carer);
        var total = 0.0;
        for (var r = 0; r < Rules.PairSoftRules.Length; r++)
        {
            var rule = Rules.PairSoftRules[r];
            var points = Rules.Weights[r] * rule.MatchWeight(pair);
            total += rule.IsReward ? points : -points;
        }

        return total;
    }

    /// <summary>Points in integer milli-points, the unit solvers work in.</summary>
    public static long Milli(double points) => checked((long)Math.Round(points * 1000.0, MidpointRounding.AwayFromZero));

    /// <summary>Penalty in points for a group spread over <paramref name="carersUsed"/> carers with <paramref name="farChildren"/> far.</summary>
    public double SplitPoints(int carersUsed, int farChildren) =>
        Rules.SplitWeight * SiblingSplit.MatchWeight(carersUsed, farChildren, Rules.SplitFarChild);

    public bool IsFarWhenSplit(Child child, Carer carer) => SiblingSplit.IsFar(Pair(child, carer).ContactMiles, Rules.SplitNearMiles);
}
