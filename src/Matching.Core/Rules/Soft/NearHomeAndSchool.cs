using Matching.Model;

namespace Matching.Rules.Soft;

/// <summary>
/// S7: for fostering, near the child's home and school (Children Act 1989 s22C, "so far as reasonably
/// practicable"). Placing over <c>flag_miles</c> from home needs the director's agreement and is flagged.
/// </summary>
internal sealed class NearHomeAndSchool : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "near_home_school", "S7", RuleKind.Soft,
        "Fostering near home and school: every 10 miles from the child's home and from their school counts one",
        1.0,
        [new RuleParameter("flag_miles", 20, "placements further than this from home are flagged for the director's agreement")]);

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        if (pair.Child.PlacementType != PlacementType.Foster)
        {
            return 0;
        }

        var miles = 0.0;
        if (pair.Child.Home is { } home)
        {
            miles += pair.Context.TravelMiles(pair.Carer.Location, home);
        }

        if (pair.Child.School is { } school)
        {
            miles += pair.Context.TravelMiles(pair.Carer.Location, school);
        }

        return miles / 10.0;
    }
}
