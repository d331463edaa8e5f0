namespace Matching.Rules.Hard;

/// <summary>H13: carers excluded for a child are never used for that child; pins (agreed links) are always kept.</summary>
internal sealed class ExclusionsAndPins : HardRule
{
    public static readonly RuleInfo Definition = new(
        "exclusions_and_pins", "H13", RuleKind.Hard,
        "Carers excluded for a child are never used for that child; agreed links (pins) are always kept",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        foreach (var id in pair.Child.ExcludedCarers)
        {
            if (string.Equals(id, pair.Carer.Id, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
