namespace Matching.Rules;

/// <summary>
/// A soft rule scored on one child with one carer. Its impact is its weight times the match weight it
/// computes (Timefold style), negative for a penalty and positive for a reward, in points.
/// </summary>
internal abstract class SoftRule
{
    public abstract RuleInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>True when a larger match weight is better (a reward); false for a penalty.</summary>
    public virtual bool IsReward => false;

    /// <summary>The rule's match weight for this pair: 0 when it has nothing to say, never negative.</summary>
    public abstract double MatchWeight(in PairFacts pair);
}
