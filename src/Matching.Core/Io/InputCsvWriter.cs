using System.Globalization;
using Matching.Generation;
using Matching.Model;

namespace Matching.Io;

/// <summary>
/// Writes <c>children.csv</c> and <c>carers.csv</c> in the data contract's columns, so that <see cref="BatchReader"/>
/// reads back the same children and carers. Locations are written as postcodes when given, else as coordinates.
/// </summary>
public static class InputCsvWriter
{
    /// <summary>The columns of <c>children.csv</c>, in the order written.</summary>
    public static IReadOnlyList<string> ChildColumns { get; } =
    [
        "child_id", "sibling_group", "siblings", "dob", "sex", "ethnicity", "religion", "languages", "needs", "placement_type",
        "contact_postcode", "contact_lat", "contact_lon", "contact_per_week", "home_postcode", "school_postcode", "avoid",
        "entered_care", "needed_by", "excluded_carers",
    ];

    /// <summary>The columns of <c>carers.csv</c>, in the order written.</summary>
    public static IReadOnlyList<string> CarerColumns { get; } =
    [
        "carer_id", "postcode", "lat", "lon", "approval", "places", "placed", "age_min", "age_max", "sexes", "max_group",
        "ethnicity", "religion", "languages", "can_meet", "smoker", "available_from", "available_until", "agency", "weekly_cost",
    ];

    /// <summary>Writes <paramref name="children"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file to write (replaced if present).</param>
    /// <param name="children">The children, written in the order given.</param>
    /// <param name="postcodes">Postcodes by child id; home and school locations can only be written as postcodes.</param>
    /// <exception cref="ArgumentException">A child has a home or school location without a postcode.</exception>
    public static void WriteChildren(string path, IEnumerable<Child> children, IReadOnlyDictionary<string, ChildPostcodes>? postcodes = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        OutputFormat.WriteCsv(path, ChildColumns, children.Select(c =>
        {
            var p = postcodes?.GetValueOrDefault(c.Id);
            if ((c.Home is not null && p?.Home is null) || (c.School is not null && p?.School is null))
            {
                throw new ArgumentException($"child '{c.Id}': home and school locations need their postcodes", nameof(postcodes));
            }

            var contactByPostcode = c.Contact is not null && p?.Contact is not null;
            return (IEnumerable<string>)
            [
                c.Id, c.SiblingGroup ?? "", Codes.Text(c.Siblings), OutputFormat.Date(c.DateOfBirth),
                c.Sex == Sex.Unknown ? "" : Codes.Text(c.Sex), c.Ethnicity ?? "", c.Religion ?? "", List(c.Languages), List(c.Needs),
                Codes.Text(c.PlacementType),
                contactByPostcode ? p!.Contact! : "",
                c.Contact is { } v && !contactByPostcode ? Number(v.Latitude) : "",
                c.Contact is { } w && !contactByPostcode ? Number(w.Longitude) : "",
                c.ContactPerWeek == 0 ? "" : Number(c.ContactPerWeek),
                c.Home is null ? "" : p!.Home!, c.School is null ? "" : p!.School!,
                string.Join(';', c.Avoid.Select((zone, i) => Place(zone.Location, p is null || i >= p.Avoid.Length ? null : p.Avoid[i]) + ":" + Number(zone.Miles))),
                Date(c.EnteredCare), Date(c.NeededBy), List(c.ExcludedCarers),
            ];
        }));
    }

    /// <summary>Writes <paramref name="carers"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file to write (replaced if present).</param>
    /// <param name="carers">The carers, written in the order given.</param>
    /// <param name="postcodes">Postcode by carer id; carers without one are written with lat and lon.</param>
    public static void WriteCarers(string path, IEnumerable<Carer> carers, IReadOnlyDictionary<string, string>? postcodes = null)
    {
        ArgumentNullException.ThrowIfNull(carers);
        OutputFormat.WriteCsv(path, CarerColumns, carers.Select(c =>
        {
            var postcode = postcodes?.GetValueOrDefault(c.Id);
            return (IEnumerable<string>)
            [
                c.Id, postcode ?? "", postcode is null ? Number(c.Location.Latitude) : "", postcode is null ? Number(c.Location.Longitude) : "",
                Codes.Text(c.Approval), OutputFormat.Int(c.Places), OutputFormat.Int(c.Placed), OutputFormat.Int(c.AgeMin),
                OutputFormat.Int(c.AgeMax), string.Join(';', c.Sexes.Select(Codes.Text)), c.MaxGroup is { } g ? OutputFormat.Int(g) : "",
                List(c.Ethnicities), c.Religion ?? "", List(c.Languages), List(c.CanMeet), OutputFormat.YesNo(c.Smoker),
                Date(c.AvailableFrom), Date(c.AvailableUntil), Codes.Text(c.Agency),
                c.WeeklyCost is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : "",
            ];
        }));
    }

    /// <summary>
    /// Writes a generated batch as a family finder's export would have it: postcodes, not coordinates. Reading the
    /// two files back with <see cref="BatchReader"/> gives the same children and carers.
    /// </summary>
    public static void WriteGenerated(GeneratedBatch batch, string childrenPath, string carersPath)
    {
        ArgumentNullException.ThrowIfNull(batch);
        WriteChildren(
            childrenPath,
            batch.Children.Select(g => g.Child),
            batch.Children.ToDictionary(
                g => g.Child.Id,
                g => new ChildPostcodes(g.ContactPostcode, g.HomePostcode, g.SchoolPostcode, [.. g.Avoid.Select(a => (string?)a.Postcode)]),
                StringComparer.Ordinal));
        WriteCarers(carersPath, batch.Carers.Select(g => g.Carer), batch.Carers.ToDictionary(g => g.Carer.Id, g => g.Postcode, StringComparer.Ordinal));
    }

    private static string Place(Location location, string? postcode) =>
        postcode ?? Number(location.Latitude) + "," + Number(location.Longitude);

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date is { } d ? OutputFormat.Date(d) : "";

    private static string List(IEnumerable<string> items) => string.Join(';', items);
}
