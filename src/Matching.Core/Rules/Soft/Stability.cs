namespace Matching.Rules.Soft;

/// <summary>S9: stability. A child proposed to a carer last week who is now proposed to another costs the weight.</summary>
internal sealed class Stability : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "stability", "S9", RuleKind.Soft,
        "Stability: changing last week's proposal for a child costs this much",
        20.0, []);

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair) =>
        pair.Context.PreviousCarerOf(pair.Child.Id) is { } previous && !string.Equals(previous, pair.Carer.Id, StringComparison.Ordinal) ? 1 : 0;
}
