using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Io;

/// <summary>Reads <c>carers.csv</c> (or the <c>carers</c> sheet) into carer households, checking every cell.</summary>
internal static class CarersReader
{
    public const string Sheet = "carers";

    public static readonly ImmutableArray<string> RequiredColumns = ["carer_id", "approval", "places"];

    public static ImmutableArray<Carer> Read(Table table, IssueList issues)
    {
        Columns.RequireAll(table, RequiredColumns, issues);
        Columns.WarnUnknown(table, InputCsvWriter.CarerColumns, issues);
        var hasLocationColumns = table.Has("postcode") || (table.Has("lat") && table.Has("lon"));
        if (!hasLocationColumns)
        {
            issues.Error(table.Source, 1, "postcode", "required column is missing (give postcode, or lat and lon)");
        }

        var carers = ImmutableArray.CreateBuilder<Carer>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var cells = new CellReader(table, row, issues);
            var id = cells.Required("carer_id");
            if (id is not null && !firstRow.TryAdd(id, row.Number))
            {
                cells.Error("carer_id", $"'{id}' is also on row {firstRow[id]}; ids must be unique");
            }

            var location = LocationCells.Read(cells, "postcode", "lat", "lon");
            if (hasLocationColumns && location is null && cells.Text("postcode") is null && cells.Text("lat") is null && cells.Text("lon") is null)
            {
                cells.Error("postcode", "is empty; give the household's postcode (or lat and lon)");
            }

            var approval = Approval(cells);
            var places = cells.Int("places", 1, 20, required: true);
            var placed = cells.Int("placed", 0, 20) ?? 0;
            if (places is { } p && placed > p)
            {
                cells.Error("placed", $"{placed} children placed is more than the {p} places approved");
            }

            var ageMin = cells.Int("age_min", 0, 17) ?? 0;
            var ageMax = cells.Int("age_max", 0, 17) ?? 17;
            if (ageMin > ageMax)
            {
                cells.Error("age_max", $"age_max {ageMax} is below age_min {ageMin}");
            }

            var from = cells.Date("available_from");
            var until = cells.Date("available_until");
            if (from is { } f && until is { } u && u < f)
            {
                cells.Error("available_until", "is before available_from");
            }

            var carer = new Carer
            {
                Id = id ?? "",
                Location = location ?? default,
                Approval = approval ?? Model.Approval.None,
                Places = places ?? 0,
                Placed = placed,
                AgeMin = ageMin,
                AgeMax = ageMax,
                Sexes = Sexes(cells),
                MaxGroup = cells.Int("max_group", 1, 20),
                Ethnicities = Ethnicities(cells),
                Religion = cells.Text("religion"),
                Languages = cells.List("languages"),
                CanMeet = cells.List("can_meet"),
                Smoker = cells.Bool("smoker") ?? false,
                AvailableFrom = from,
                AvailableUntil = until,
                Agency = cells.Code("agency", Codes.Agencies, "in_house, ifa or vaa") ?? Agency.Unknown,
                WeeklyCost = cells.Number("weekly_cost", 0, 100_000) is { } cost ? (decimal)cost : null,
            };

            if (id is not null && location is not null && approval is not null && places is not null)
            {
                carers.Add(carer);
            }
        }

        return carers.ToImmutable();
    }

    private static Approval? Approval(in CellReader cells)
    {
        var items = cells.List("approval");
        if (items.IsEmpty)
        {
            cells.Required("approval");
            return null;
        }

        var approval = Model.Approval.None;
        foreach (var item in items)
        {
            if (Codes.Approvals.TryGetValue(item.ToLowerInvariant(), out var a))
            {
                approval |= a;
            }
            else
            {
                cells.Error("approval", $"'{item}' is not an approval; write foster, adopter or concurrent (a list with ; for several)");
                return null;
            }
        }

        return approval;
    }

    private static ImmutableArray<Sex> Sexes(in CellReader cells)
    {
        var sexes = ImmutableArray.CreateBuilder<Sex>();
        foreach (var item in cells.List("sexes"))
        {
            if (Codes.Sexes.TryGetValue(item.ToLowerInvariant(), out var sex) && sex != Sex.Unknown)
            {
                sexes.Add(sex);
            }
            else
            {
                cells.Error("sexes", $"'{item}' is not M or F");
            }
        }

        return [.. sexes.Distinct().Order()];
    }

    private static ImmutableArray<string> Ethnicities(in CellReader cells)
    {
        var codes = ImmutableArray.CreateBuilder<string>();
        foreach (var item in cells.List("ethnicity"))
        {
            if (EthnicityCodes.IsValid(item))
            {
                codes.Add(item.ToUpperInvariant());
            }
            else
            {
                cells.Error("ethnicity", Codes.UnknownEthnicity(item));
            }
        }

        return codes.ToImmutable();
    }
}
