using Matching.Model;

namespace Matching.Rules.Soft;

/// <summary>S8: cost. Each £100 of the carer's weekly cost counts one; carers from outside agencies count extra (in-house first).</summary>
internal sealed class PlacementCost : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "cost", "S8", RuleKind.Soft,
        "Cost: every £100 a week the placement costs counts one; agency carers count extra so in-house carers come first",
        1.0,
        [new RuleParameter("agency_extra", 1, "match weight added for an independent or voluntary agency carer")]);

    private readonly double agencyExtra;

    public PlacementCost(RuleContext context) =>
        agencyExtra = context.Settings.ParameterOf(Definition.Id, "agency_extra") ?? 0;

    public override RuleInfo Info => Definition;

    public override double MatchWeight(in PairFacts pair)
    {
        var cost = (double)(pair.Carer.WeeklyCost ?? 0m) / 100.0;
        var extra = pair.Carer.Agency is Agency.Ifa or Agency.Vaa ? agencyExtra : 0;
        return cost + extra;
    }
}
