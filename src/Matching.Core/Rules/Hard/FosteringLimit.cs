namespace Matching.Rules.Hard;

/// <summary>
/// H3: the usual fostering limit. A household holds more than <c>limit</c> children only when they are all
/// siblings of one another: no child already placed and one sibling group assigned.
/// </summary>
internal sealed class FosteringLimit : HardRule
{
    public static readonly RuleInfo Definition = new(
        "fostering_limit", "H3", RuleKind.Hard,
        "A household holds more than the usual fostering limit only if all its children are siblings of one another",
        null, [new RuleParameter("limit", 3, "the usual fostering limit (children per household)")]);

    private readonly int limit;

    public FosteringLimit(RuleContext context) =>
        limit = (int)(context.Settings.ParameterOf(Definition.Id, "limit") ?? int.MaxValue);

    public override RuleInfo Info => Definition;

    /// <summary>The limit in force for this run.</summary>
    public int Limit => limit;

    // One unit alone: over the limit only when nobody is placed already (they would not be siblings).
    public override bool Allows(in PairFacts pair) =>
        pair.Carer.Placed == 0 || pair.Carer.Placed + pair.UnitSize <= limit;
}
