using System.Collections.Frozen;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Hard;
using Matching.Rules.Soft;
using Matching.Solving;

namespace Matching.Bench.Baselines;

/// <summary>
/// A batch seen through the engine's own preparation and rule code, so the baselines judge every pair exactly as
/// the engine does: sibling groups, the rule set bound to the settings, per-pair eligibility and milli-point score.
/// </summary>
internal sealed class BatchView
{
    public BatchView(MatchingProblem problem)
    {
        Batch = new PreparedBatch(problem);
        GroupOf = Batch.Groups.SelectMany(g => g.Children.Select(c => (c.Id, g))).ToFrozenDictionary(p => p.Id, p => p.g, StringComparer.Ordinal);
        Pins = problem.Pins.ToFrozenDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);
    }

    public PreparedBatch Batch { get; }

    public MatchingProblem Problem => Batch.Problem;

    public RuleSet Rules => Batch.Rules;

    /// <summary>Sibling groups in id order.</summary>
    public IReadOnlyList<SiblingGroup> Groups => Batch.Groups;

    /// <summary>Carers in id order.</summary>
    public IReadOnlyList<Carer> Carers => Batch.Carers;

    public IReadOnlyDictionary<string, int> CarerIndex => Batch.CarerIndex;

    public FrozenDictionary<string, SiblingGroup> GroupOf { get; }

    public FrozenDictionary<string, string> Pins { get; }

    public bool SplitAllowed(SiblingGroup group) => group.Rule == SiblingRule.MaySplit || !Rules.GroupsStayWhole;

    public static bool IsPermanence(SiblingGroup group) => group.Children.Any(c => PermanenceSolePlacement.IsPermanence(c.PlacementType));

    /// <summary>The child with the carer, as part of the unit the engine would place (the whole group unless it may split).</summary>
    public PairFacts Pair(Child child, Carer carer)
    {
        var group = GroupOf[child.Id];
        return new PairFacts(Batch.Context, child, group, SplitAllowed(group) ? 1 : group.Size, carer);
    }

    /// <summary>True when every pair-level hard rule allows the child with the carer.</summary>
    public bool Allows(Child child, Carer carer) => Rules.FirstRefusal(Pair(child, carer)) is null;

    /// <summary>The child's soft score with the carer in milli-points (rewards positive), as the engine scores it.</summary>
    public long Milli(Child child, Carer carer) => PairScorer.Total(Rules, Pair(child, carer));

    /// <summary>Milli-points lost per carer beyond the first a may-split group is spread over.</summary>
    public long SplitMilli => Points.ToMilli(Rules.SplitWeight);

    /// <summary>Milli-points lost per far child of a split group.</summary>
    public long FarMilli => Points.ToMilli(Rules.SplitWeight * Rules.SplitFarChild);

    public bool IsFarWhenSplit(Child child, Carer carer) => SiblingSplit.IsFar(Pair(child, carer).ContactMiles, Rules.SplitNearMiles);
}
