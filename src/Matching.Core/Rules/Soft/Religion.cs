namespace Matching.Rules.Soft;

/// <summary>S3: religion. A household of the child's religion is preferred; unknown on either side weighs nothing.</summary>
internal sealed class Religion : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "religion", "S3", RuleKind.Soft,
        "Religion: a household that shares the child's religion is preferred",
        5.0, []);

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        var child = pair.Child.Religion;
        var carer = pair.Carer.Religion;
        if (string.IsNullOrWhiteSpace(child) || string.IsNullOrWhiteSpace(carer))
        {
            return 0;
        }

        return Text.Same(child, carer) ? 0 : 1;
    }
}
