namespace Matching.Rules.Hard;

/// <summary>H9: the carer is at least the given straight-line miles from each of the child's locations to avoid.</summary>
internal sealed class AvoidLocations : HardRule
{
    public static readonly RuleInfo Definition = new(
        "avoid_locations", "H9", RuleKind.Hard,
        "The carer lives at least the given distance from every location the child must avoid",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        foreach (var zone in pair.Child.Avoid)
        {
            // Safety distances are straight-line, whatever the detour factor.
            if (pair.Carer.Location.MilesTo(zone.Location) < zone.Miles)
            {
                return false;
            }
        }

        return true;
    }
}
