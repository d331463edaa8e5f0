namespace Matching.Rules.Hard;

/// <summary>H6: the child's age in completed years (on the date needed) is within the carer's approved range.</summary>
internal sealed class AgeRange : HardRule
{
    public static readonly RuleInfo Definition = new(
        "age_range", "H6", RuleKind.Hard,
        "The child's age in completed years is within the carer's approved age range, inclusive",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        var age = pair.ChildAge;
        return age >= pair.Carer.AgeMin && age <= pair.Carer.AgeMax;
    }
}
