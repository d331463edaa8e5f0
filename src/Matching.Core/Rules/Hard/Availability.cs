namespace Matching.Rules.Hard;

/// <summary>H7: the carer is available on the date the placement is needed.</summary>
internal sealed class Availability : HardRule
{
    public static readonly RuleInfo Definition = new(
        "availability", "H7", RuleKind.Hard,
        "The carer is available on the date the placement is needed",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        var needed = pair.NeededOn;
        return (pair.Carer.AvailableFrom is not { } from || from <= needed)
            && (pair.Carer.AvailableUntil is not { } until || needed <= until);
    }
}
