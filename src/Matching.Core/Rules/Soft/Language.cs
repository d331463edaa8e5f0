namespace Matching.Rules.Soft;

/// <summary>S4: language. The household speaks at least one of the child's languages; unknown weighs nothing.</summary>
internal sealed class Language : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "language", "S4", RuleKind.Soft,
        "Language: the household speaks at least one of the child's languages",
        10.0, []);

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        if (pair.Child.Languages.IsEmpty || pair.Carer.Languages.IsEmpty)
        {
            return 0;
        }

        return Text.Intersects(pair.Child.Languages, pair.Carer.Languages) ? 0 : 1;
    }
}
