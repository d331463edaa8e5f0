using System.Collections.Immutable;
using Matching.Model;
using Matching.Rules;

namespace Matching.Solving;

/// <summary>A unit placed as one: a whole 'together' group, or one child of a group that may split.</summary>
/// <param name="Group">Index of the sibling group in <see cref="PreparedBatch.Groups"/>.</param>
/// <param name="Children">The children in the unit, in id order.</param>
internal sealed record Unit(int Group, ImmutableArray<Child> Children)
{
    public int Size => Children.Length;
}

/// <summary>The batch in the engine's working form: sorted, indexed, grouped into units, rules bound.</summary>
internal sealed class PreparedBatch
{
    public PreparedBatch(MatchingProblem problem)
    {
        Problem = problem;
        Carers = [.. problem.Carers.OrderBy(c => c.Id, StringComparer.Ordinal)];
        Groups = SiblingGroup.Form(problem.Children);
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in problem.Previous)
        {
            previous[p.ChildId] = p.CarerId;
        }

        Context = new RuleContext(problem.Settings, problem.BatchDate, previous);
        Rules = new RuleSet(Context);
        CarerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Carers.Length; i++)
        {
            if (!CarerIndex.TryAdd(Carers[i].Id, i))
            {
                throw new ArgumentException($"Carer id '{Carers[i].Id}' appears more than once.", nameof(problem));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in problem.Children)
        {
            if (!seen.Add(child.Id))
            {
                throw new ArgumentException($"Child id '{child.Id}' appears more than once.", nameof(problem));
            }
        }

        var units = ImmutableArray.CreateBuilder<Unit>();
        for (var g = 0; g < Groups.Length; g++)
        {
            var group = Groups[g];
            if (group.Rule == SiblingRule.Together && Rules.GroupsStayWhole)
            {
                units.Add(new Unit(g, group.Children));
            }
            else
            {
                foreach (var child in group.Children)
                {
                    units.Add(new Unit(g, [child]));
                }
            }
        }

        Units = units.ToImmutable();
        Pins = problem.Pins;
    }

    public MatchingProblem Problem { get; }

    public RuleContext Context { get; }

    public RuleSet Rules { get; }

    /// <summary>Carers in id order.</summary>
    public ImmutableArray<Carer> Carers { get; }

    public Dictionary<string, int> CarerIndex { get; }

    /// <summary>Sibling groups in id order.</summary>
    public ImmutableArray<SiblingGroup> Groups { get; }

    /// <summary>Units in group order, then child order.</summary>
    public ImmutableArray<Unit> Units { get; }

    public ImmutableArray<Pin> Pins { get; }

    public PairFacts Facts(Unit unit, Child child, Carer carer) =>
        new(Context, child, Groups[unit.Group], unit.Size, carer);
}
