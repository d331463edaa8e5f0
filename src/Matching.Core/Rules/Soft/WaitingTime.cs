namespace Matching.Rules.Soft;

/// <summary>
/// S5: waiting time. Placing a child is worth more the longer they have waited since entering care, measured
/// in multiples of the DfE adoption scorecard threshold (426 days from entering care to moving in).
/// </summary>
internal sealed class WaitingTime : SoftRule
{
    public static readonly RuleInfo Definition = new(
        "waiting_time", "S5", RuleKind.Soft,
        "Waiting time: the longer a child has waited since entering care, the more placing them is worth",
        10.0,
        [new RuleParameter("scorecard_days", 426, "days that count as one unit of waiting (adoption scorecard A1)")]);

    private readonly double unitDays;

    public WaitingTime(RuleContext context) =>
        unitDays = context.Settings.ParameterOf(Definition.Id, "scorecard_days") ?? 0;

    public override RuleInfo Info => Definition;

    public override bool IsReward => true;

    public override double MatchWeight(in PairFacts pair)
    {
        if (pair.Child.EnteredCare is not { } entered || unitDays <= 0)
        {
            return 0;
        }

        var days = pair.NeededOn.DayNumber - entered.DayNumber;
        return Math.Max(0, days) / unitDays;
    }
}
