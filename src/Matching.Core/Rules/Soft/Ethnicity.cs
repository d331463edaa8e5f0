using Matching.Model;

namespace Matching.Rules.Soft;

/// <summary>
/// S2: ethnicity. Same SSDA903 code is best, then the same broad group, then neither. Soft only, never a
/// blocker (Children and Families Act 2014 s3): mismatches are reported so support can be planned.
/// </summary>
internal sealed class Ethnicity : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "ethnicity", "S2", RuleKind.Soft,
        "Ethnicity: a household of the child's SSDA903 ethnicity is best, then the same broad group (soft only, never a blocker)",
        10.0,
        [new RuleParameter("same_group", 0.5, "match weight when only the broad group is shared (1 when nothing is)")]);

    private readonly double sameGroup;

    public Ethnicity(RuleContext context) =>
        sameGroup = context.Settings.ParameterOf(Definition.Id, "same_group") ?? 1;

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        var child = pair.Child.Ethnicity;
        var childGroup = EthnicityCodes.BroadGroup(child);
        if (childGroup is null)
        {
            return 0; // not known: nothing to weigh
        }

        // Loops rather than LINQ: this runs for every candidate pair.
        var anyKnown = false;
        var sameGroupFound = false;
        foreach (var code in pair.Carer.Ethnicities)
        {
            var group = EthnicityCodes.BroadGroup(code);
            if (group is null)
            {
                continue;
            }

            if (string.Equals(code, child, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            anyKnown = true;
            sameGroupFound |= string.Equals(group, childGroup, StringComparison.Ordinal);
        }

        return !anyKnown ? 0 : sameGroupFound ? sameGroup : 1;
    }
}
