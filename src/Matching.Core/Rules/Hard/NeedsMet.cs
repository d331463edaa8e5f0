namespace Matching.Rules.Hard;

/// <summary>H10: each of the child's need tags is one the household is approved and able to meet.</summary>
internal sealed class NeedsMet : HardRule
{
    public static readonly RuleInfo Definition = new(
        "needs_met", "H10", RuleKind.Hard,
        "Every need the child has is one the household is approved and able to meet",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        foreach (var need in pair.Child.Needs)
        {
            if (!Text.Contains(pair.Carer.CanMeet, need))
            {
                return false;
            }
        }

        return true;
    }
}
