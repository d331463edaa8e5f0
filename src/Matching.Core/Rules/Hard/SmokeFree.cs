namespace Matching.Rules.Hard;

/// <summary>
/// H11: no smoking household for a child under 5, or for a child with a need tag that smoke harms
/// (CoramBAAF Practice Note 68).
/// </summary>
internal sealed class SmokeFree : HardRule
{
    public static readonly RuleInfo Definition = new(
        "smoke_free", "H11", RuleKind.Hard,
        "No smoking household for a child under 5, or with disability, asthma, respiratory, heart or glue ear needs",
        null, [new RuleParameter("under_age", 5, "children younger than this need a smoke-free home")]);

    private static readonly string[] SensitiveNeeds = ["disability", "asthma", "respiratory", "heart", "glue_ear"];

    private readonly double underAge;

    public SmokeFree(RuleContext context) =>
        underAge = context.Settings.ParameterOf(Definition.Id, "under_age") ?? 0;

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair) => !pair.Carer.Smoker || !NeedsSmokeFree(pair);

    private bool NeedsSmokeFree(in PairFacts pair)
    {
        if (pair.ChildAge < underAge)
        {
            return true;
        }

        foreach (var need in SensitiveNeeds)
        {
            if (Text.Contains(pair.Child.Needs, need))
            {
                return true;
            }
        }

        return false;
    }
}
