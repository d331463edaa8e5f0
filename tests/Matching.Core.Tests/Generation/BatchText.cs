using System.Globalization;
using Matching.Generation;
using Matching.Model;

namespace Matching.Core.Tests.Generation;

/// <summary>One line of text per generated row, with every field: records holding arrays compare by reference,
/// so batches are compared through this.</summary>
internal static class BatchText
{
    public static IEnumerable<string> Lines(GeneratedBatch batch) =>
        batch.Children.Select(Line).Concat(batch.Carers.Select(Line));

    private static string Line(GeneratedChild g)
    {
        var c = g.Child;
        return string.Join('|',
            c.Id, c.SiblingGroup, c.Siblings, D(c.DateOfBirth), c.Sex, c.Ethnicity, c.Religion, J(c.Languages), J(c.Needs),
            c.PlacementType, L(c.Contact), N(c.ContactPerWeek), L(c.Home), L(c.School), J(c.Avoid.Select(a => L(a.Location) + ":" + N(a.Miles))),
            D(c.EnteredCare), D(c.NeededBy), J(c.ExcludedCarers), g.ContactPostcode, g.HomePostcode, g.SchoolPostcode,
            J(g.Avoid.Select(a => a.Postcode + ":" + N(a.Miles))));
    }

    private static string Line(GeneratedCarer g)
    {
        var c = g.Carer;
        return string.Join('|',
            c.Id, L(c.Location), c.Approval, c.Places, c.Placed, c.AgeMin, c.AgeMax, J(c.Sexes.Select(s => s.ToString())), c.MaxGroup,
            J(c.Ethnicities), c.Religion, J(c.Languages), J(c.CanMeet), c.Smoker, D(c.AvailableFrom), D(c.AvailableUntil), c.Agency,
            c.WeeklyCost?.ToString(CultureInfo.InvariantCulture), g.Postcode);
    }

    private static string J(IEnumerable<string> items) => string.Join(';', items);

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string L(Location? l) => l is { } v ? N(v.Latitude) + "," + N(v.Longitude) : string.Empty;
}
