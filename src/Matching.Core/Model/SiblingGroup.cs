using System.Collections.Immutable;

namespace Matching.Model;

/// <summary>A sibling group (a child alone is a group of one), derived from the children's <c>sibling_group</c>.</summary>
/// <param name="Id">The group's id: the <c>sibling_group</c> value, or the child's id for a child alone.</param>
/// <param name="Children">The children, in id order.</param>
/// <param name="Rule">Together or may split.</param>
public sealed record SiblingGroup(string Id, ImmutableArray<Child> Children, SiblingRule Rule)
{
    /// <summary>Number of children in the group.</summary>
    public int Size => Children.Length;

    /// <summary>True when the group has one child.</summary>
    public bool IsSingle => Children.Length == 1;

    /// <summary>Forms the sibling groups of <paramref name="children"/>, ordered by group id (ordinal).</summary>
    public static ImmutableArray<SiblingGroup> Form(IEnumerable<Child> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        return [.. children
            .GroupBy(c => c.SiblingGroup ?? "\u0000" + c.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.OrderBy(c => c.Id, StringComparer.Ordinal).ToImmutableArray();
                var id = members[0].SiblingGroup ?? members[0].Id;
                var rule = members.Any(c => c.Siblings == SiblingRule.MaySplit) ? SiblingRule.MaySplit : SiblingRule.Together;
                return new SiblingGroup(id, members, members.Length == 1 ? SiblingRule.Together : rule);
            })
            .OrderBy(g => g.Id, StringComparer.Ordinal)];
    }
}
