namespace Matching.Rules.Hard;

/// <summary>H1: a child gets at most one carer; a together group goes to one carer, whole, or not at all. Structural.</summary>
internal sealed class OneCarerWholeGroup : HardRule
{
    public static readonly RuleInfo Definition = new(
        "one_carer_whole_group", "H1", RuleKind.Hard,
        "A child gets at most one carer; a 'together' sibling group goes to one carer, whole, or not at all",
        null, []);

    public override RuleInfo Info => Definition;

    // Structural: the solver places whole units; no single pair breaks it.
    public override bool Allows(in PairFacts pair) => true;
}
