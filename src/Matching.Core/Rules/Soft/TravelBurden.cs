namespace Matching.Rules.Soft;

/// <summary>
/// S1: contact travel burden. Contact miles times sessions per week, doubled beyond a comfortable distance
/// (convex, so one long journey costs more than two short ones), plus a small term for the miles themselves.
/// </summary>
internal sealed class TravelBurden : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "travel_burden", "S1", RuleKind.Soft,
        "Contact travel: miles to the contact venue times sessions per week, heavier beyond a comfortable distance",
        1.0,
        [
            new RuleParameter("comfortable_miles", 10, "beyond this each mile of contact travel counts twice"),
            new RuleParameter("per_mile", 0.1, "points per mile to the venue whatever the sessions (distance from family and community)"),
        ]);

    private readonly double comfortable;
    private readonly double perMile;

    public TravelBurden(RuleContext context)
    {
        comfortable = context.Settings.ParameterOf(Definition.Id, "comfortable_miles") ?? double.PositiveInfinity;
        perMile = context.Settings.ParameterOf(Definition.Id, "per_mile") ?? 0;
    }

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        var miles = pair.ContactMiles;
        if (double.IsNaN(miles))
        {
            return 0;
        }

        var beyond = Math.Max(0, miles - comfortable);
        return (pair.Child.ContactPerWeek * (miles + beyond)) + (perMile * miles);
    }
}
