namespace Matching.Rules.Hard;

/// <summary>H2: children already placed plus children assigned never exceed the approved places.</summary>
internal sealed class Capacity : HardRule
{
    public static readonly RuleInfo Definition = new(
        "capacity", "H2", RuleKind.Hard,
        "Children already placed plus children assigned never exceed the carer's approved places",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair) => pair.UnitSize <= pair.Carer.FreePlaces;
}
