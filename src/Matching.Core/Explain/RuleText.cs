namespace Matching.Explain;

/// <summary>Hard rules as a family finder says them, for sentences read out at panel.</summary>
internal static class RuleText
{
    public static string Describe(string ruleId) => ruleId switch
    {
        "contact_distance" => "contact distance",
        "approval" => "approval type",
        "age_range" => "approved age range",
        "availability" => "availability dates",
        "capacity" => "free places",
        "fostering_limit" => "the usual fostering limit",
        "permanence_sole_placement" => "a household to itself",
        "avoid_locations" => "locations to avoid",
        "needs_met" => "needs the carer can meet",
        "smoke_free" => "a smoke-free home",
        "group_size_and_sex" => "group size or sex",
        "exclusions_and_pins" => "excluded carers",
        _ => ruleId,
    };
}
