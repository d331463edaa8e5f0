using System.Globalization;
using System.Text;
using Matching.Generation;
using Matching.Model;

namespace Matching.Bench.Scenarios;

/// <summary>
/// Writes a generated batch as children.csv and carers.csv in the data contract's columns, so the load phase
/// is measured on real files, the way a family-finding team's batch arrives.
/// </summary>
internal static class BatchCsvWriter
{
    public static void Write(GeneratedBatch batch, string childrenPath, string carersPath)
    {
        var children = new StringBuilder();
        children.Append("child_id,sibling_group,siblings,dob,sex,ethnicity,religion,languages,needs,placement_type,contact_postcode,")
            .Append("contact_per_week,home_postcode,school_postcode,avoid,entered_care,needed_by,excluded_carers\n");
        foreach (var g in batch.Children)
        {
            var c = g.Child;
            Row(children,
                c.Id, c.SiblingGroup, c.Siblings == SiblingRule.MaySplit ? "may_split" : "together", Date(c.DateOfBirth),
                c.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" }, c.Ethnicity, c.Religion,
                string.Join(';', c.Languages), string.Join(';', c.Needs), PlacementText(c.PlacementType), g.ContactPostcode,
                c.ContactPerWeek.ToString(CultureInfo.InvariantCulture), g.HomePostcode, g.SchoolPostcode,
                string.Join(';', g.Avoid.Select(a => a.Postcode + ":" + a.Miles.ToString(CultureInfo.InvariantCulture))),
                Date(c.EnteredCare), Date(c.NeededBy), string.Join(';', c.ExcludedCarers));
        }

        var carers = new StringBuilder();
        carers.Append("carer_id,postcode,approval,places,placed,age_min,age_max,sexes,max_group,ethnicity,religion,languages,")
            .Append("can_meet,smoker,available_from,available_until,agency,weekly_cost\n");
        foreach (var g in batch.Carers)
        {
            var c = g.Carer;
            Row(carers,
                c.Id, g.Postcode, ApprovalText(c.Approval), Int(c.Places), Int(c.Placed), Int(c.AgeMin), Int(c.AgeMax),
                string.Join(';', c.Sexes.Select(s => s == Sex.Male ? "M" : "F")), c.MaxGroup is { } mg ? Int(mg) : null,
                string.Join(';', c.Ethnicities), c.Religion, string.Join(';', c.Languages), string.Join(';', c.CanMeet),
                c.Smoker ? "yes" : "no", Date(c.AvailableFrom), Date(c.AvailableUntil),
                c.Agency switch { Agency.InHouse => "in_house", Agency.Ifa => "ifa", Agency.Vaa => "vaa", _ => null },
                c.WeeklyCost?.ToString(CultureInfo.InvariantCulture));
        }

        File.WriteAllText(childrenPath, children.ToString());
        File.WriteAllText(carersPath, carers.ToString());
    }

    private static string PlacementText(PlacementType type) => type switch
    {
        PlacementType.Concurrent => "concurrent",
        PlacementType.Ffa => "ffa",
        PlacementType.Adoption => "adoption",
        _ => "foster",
    };

    private static string ApprovalText(Approval approval)
    {
        var parts = new List<string>(3);
        if (approval.HasFlag(Approval.Foster))
        {
            parts.Add("foster");
        }

        if (approval.HasFlag(Approval.Adopter))
        {
            parts.Add("adopter");
        }

        if (approval.HasFlag(Approval.Concurrent))
        {
            parts.Add("concurrent");
        }

        return string.Join(';', parts);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder sb, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i] ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append('\n');
    }
}
