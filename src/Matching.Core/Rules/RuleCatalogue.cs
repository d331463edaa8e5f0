using System.Collections.Immutable;
using Matching.Rules.Hard;
using Matching.Rules.Soft;

namespace Matching.Rules;

/// <summary>Every rule the engine knows, hard then soft, in the order of the rules document.</summary>
public static class RuleCatalogue
{
    /// <summary>All rules: H1..H13 then S1..S9.</summary>
    public static ImmutableArray<RuleInfo> All { get; } =
    [
        OneCarerWholeGroup.Definition,
        Capacity.Definition,
        FosteringLimit.Definition,
        ApprovalFitsPlan.Definition,
        PermanenceSolePlacement.Definition,
        AgeRange.Definition,
        Availability.Definition,
        ContactDistance.Definition,
        AvoidLocations.Definition,
        NeedsMet.Definition,
        SmokeFree.Definition,
        GroupSizeAndSex.Definition,
        ExclusionsAndPins.Definition,
        TravelBurden.Definition,
        Ethnicity.Definition,
        Religion.Definition,
        Language.Definition,
        WaitingTime.Definition,
        SiblingSplit.Definition,
        NearHomeAndSchool.Definition,
        PlacementCost.Definition,
        Stability.Definition,
    ];

    /// <summary>The soft rules, in catalogue order (the order of the per-rule columns in outputs).</summary>
    public static ImmutableArray<RuleInfo> Soft { get; } = [.. All.Where(r => r.Kind == RuleKind.Soft)];

    /// <summary>The hard rules, in catalogue order.</summary>
    public static ImmutableArray<RuleInfo> Hard { get; } = [.. All.Where(r => r.Kind == RuleKind.Hard)];

    /// <summary>The rule with this id, or null.</summary>
    public static RuleInfo? Find(string id)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Id, id, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }
}

/// <summary>The rule instances for one run, bound to its settings. Switched-off rules are left out.</summary>
internal sealed class RuleSet
{
    public RuleSet(RuleContext context)
    {
        Context = context;
        var s = context.Settings;
        FosteringLimit = new FosteringLimit(context);
        ContactDistance = new ContactDistance(context);

        // Cheap, selective rules first: candidate search stops at the first rule that says no.
        HardRule[] pairRules =
        [
            new ExclusionsAndPins(), new ApprovalFitsPlan(), new Availability(), new PermanenceSolePlacement(),
            new Capacity(), FosteringLimit, new GroupSizeAndSex(), new AgeRange(), new SmokeFree(context),
            new NeedsMet(), ContactDistance, new AvoidLocations(),
        ];
        PairRules = [.. pairRules.Where(r => s.IsHardRuleOn(r.Id))];

        SoftRule[] softRules =
        [
            new TravelBurden(context), new Ethnicity(context), new Religion(), new Language(), new WaitingTime(context),
            new NearHomeAndSchool(), new PlacementCost(context), new Stability(),
        ];
        PairSoftRules = [.. softRules.Where(r => s.WeightOf(r.Id) != 0)];
        Weights = [.. PairSoftRules.Select(r => s.WeightOf(r.Id))];
        SplitWeight = s.WeightOf(SiblingSplit.Definition.Id);
        SplitNearMiles = s.ParameterOf(SiblingSplit.Definition.Id, "near_miles");
        SplitFarChild = s.ParameterOf(SiblingSplit.Definition.Id, "far_child") ?? 0;
        NearHomeFlagMiles = s.ParameterOf(NearHomeAndSchool.Definition.Id, "flag_miles");
        GroupsStayWhole = s.IsHardRuleOn(OneCarerWholeGroup.Definition.Id);
        FosteringLimitOn = s.IsHardRuleOn(FosteringLimit.Definition.Id);
        PermanenceSoleOn = s.IsHardRuleOn(PermanenceSolePlacement.Definition.Id);
        CapacityOn = s.IsHardRuleOn(Capacity.Definition.Id);
    }

    public RuleContext Context { get; }

    /// <summary>Hard rules decided per child and carer, in evaluation order, switched-off ones left out.</summary>
    public ImmutableArray<HardRule> PairRules { get; }

    /// <summary>Soft rules scored per child and carer with a non-zero weight.</summary>
    public ImmutableArray<SoftRule> PairSoftRules { get; }

    /// <summary>Effective weights of <see cref="PairSoftRules"/>, same order.</summary>
    public ImmutableArray<double> Weights { get; }

    public FosteringLimit FosteringLimit { get; }

    public ContactDistance ContactDistance { get; }

    public double SplitWeight { get; }

    public double? SplitNearMiles { get; }

    public double SplitFarChild { get; }

    public double? NearHomeFlagMiles { get; }

    public bool GroupsStayWhole { get; }

    public bool FosteringLimitOn { get; }

    public bool PermanenceSoleOn { get; }

    public bool CapacityOn { get; }

    /// <summary>The first pair rule that refuses this pair, or null when all allow it.</summary>
    public HardRule? FirstRefusal(in PairFacts pair)
    {
        foreach (var rule in PairRules)
        {
            if (!rule.Allows(pair))
            {
                return rule;
            }
        }

        return null;
    }
}
