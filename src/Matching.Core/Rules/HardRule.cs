namespace Matching.Rules;

/// <summary>
/// A hard rule that can be decided for one child and one carer. Rules that couple several children
/// (one carer per child, capacity totals, the fostering limit across groups, one group for permanence)
/// are also enforced structurally by the solver and checked by the plan checker.
/// </summary>
internal abstract class HardRule
{
    public abstract RuleInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>True when the rule allows this child with this carer.</summary>
    public abstract bool Allows(in PairFacts pair);
}
