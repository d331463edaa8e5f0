using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Io;

/// <summary>Reads <c>children.csv</c> (or the <c>children</c> sheet) into children, checking every cell.</summary>
internal static class ChildrenReader
{
    public const string Sheet = "children";

    public static readonly ImmutableArray<string> RequiredColumns = ["child_id", "dob", "placement_type"];

    private const string SexCodes = "M, F or U (SSDA903 1 or 2 also accepted)";

    /// <summary>The children read; <paramref name="carers"/>, when known, checks <c>excluded_carers</c> names real carers.</summary>
    public static ImmutableArray<Child> Read(Table table, DateOnly batchDate, (ISet<string> Ids, string Source)? carers, IssueList issues)
    {
        Columns.RequireAll(table, RequiredColumns, issues);
        Columns.WarnUnknown(table, InputCsvWriter.ChildColumns, issues);
        var children = ImmutableArray.CreateBuilder<Child>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupRule = new Dictionary<string, (SiblingRule Rule, int Row)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var cells = new CellReader(table, row, issues);
            var id = cells.Required("child_id");
            if (id is not null && !firstRow.TryAdd(id, row.Number))
            {
                cells.Error("child_id", $"'{id}' is also on row {firstRow[id]}; ids must be unique");
            }

            var dob = cells.Date("dob", required: true);
            var type = cells.Code("placement_type", Codes.PlacementTypes, "concurrent, ffa, adoption or foster", required: true);
            var ethnicity = cells.Text("ethnicity");
            if (ethnicity is not null && !EthnicityCodes.IsValid(ethnicity))
            {
                cells.Error("ethnicity", Codes.UnknownEthnicity(ethnicity));
                ethnicity = null;
            }

            var contact = LocationCells.Read(cells, "contact_postcode", "contact_lat", "contact_lon");
            var perWeek = cells.Number("contact_per_week", 0, 21) ?? 0;
            var enteredCare = cells.Date("entered_care");
            var neededBy = cells.Date("needed_by");
            var child = new Child
            {
                Id = id ?? "",
                SiblingGroup = cells.Text("sibling_group"),
                Siblings = cells.Code("siblings", Codes.SiblingRules, "together or may_split") ?? SiblingRule.Together,
                DateOfBirth = dob ?? default,
                Sex = cells.Code("sex", Codes.Sexes, SexCodes) ?? Sex.Unknown,
                Ethnicity = ethnicity?.ToUpperInvariant(),
                Religion = cells.Text("religion"),
                Languages = cells.List("languages"),
                Needs = cells.List("needs"),
                PlacementType = type ?? PlacementType.Foster,
                Contact = contact,
                ContactPerWeek = perWeek,
                Home = LocationCells.Read(cells, "home_postcode"),
                School = LocationCells.Read(cells, "school_postcode"),
                Avoid = LocationCells.Avoid(cells, "avoid"),
                EnteredCare = enteredCare,
                NeededBy = neededBy,
                ExcludedCarers = cells.List("excluded_carers"),
            };

            if (carers is { } known)
            {
                foreach (var carer in child.ExcludedCarers.Where(c => !known.Ids.Contains(c)))
                {
                    cells.Error("excluded_carers", $"carer '{carer}' is not in {known.Source}");
                }
            }

            if (dob is { } born)
            {
                CheckDates(cells, child, born, batchDate);
            }

            if (contact is null && cells.Text("contact_lat") is null && cells.Text("contact_postcode") is null
                && (perWeek > 0 || type is PlacementType.Concurrent or PlacementType.Ffa))
            {
                cells.Warning("contact_postcode", "no contact venue: contact travel cannot be checked or scored for this child");
            }

            if (child.SiblingGroup is { } group && !groupRule.TryAdd(group, (child.Siblings, row.Number))
                && groupRule[group].Rule != child.Siblings)
            {
                var (rule, at) = groupRule[group];
                cells.Error("siblings",
                    $"sibling group '{group}' is {Codes.Text(child.Siblings)} here but {Codes.Text(rule)} on row {at}; every child of a group needs the same value");
            }

            if (id is not null && dob is not null && type is not null)
            {
                children.Add(child);
            }
        }

        return children.ToImmutable();
    }

    private static void CheckDates(in CellReader cells, Child child, DateOnly born, DateOnly batchDate)
    {
        var needed = child.NeededOn(batchDate);
        if (born > needed)
        {
            cells.Error("dob", $"{Iso(born)} is after the date the placement is needed ({Iso(needed)})");
        }
        else if (child.AgeOn(needed) >= 18)
        {
            cells.Error("dob", $"{Iso(born)} makes the child 18 or older on {Iso(needed)}; children's placements end at 18");
        }

        if (child.EnteredCare is { } entered && entered < born)
        {
            cells.Error("entered_care", $"{Iso(entered)} is before the date of birth ({Iso(born)})");
        }

        if (child.EnteredCare is { } e && e > batchDate)
        {
            cells.Warning("entered_care", $"{Iso(e)} is after the batch date ({Iso(batchDate)})");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
