using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Generation;

/// <summary>A generated child, with the postcodes its locations were resolved from (for writing <c>children.csv</c>).</summary>
/// <param name="Child">The child; its locations are the gazetteer centroids of the postcodes below.</param>
/// <param name="ContactPostcode">Sector postcode of the contact venue, or null when the child has no contact.</param>
/// <param name="HomePostcode">Sector postcode of the birth family home, or null when not recorded.</param>
/// <param name="SchoolPostcode">Sector postcode of the current school, or null for a child not at school.</param>
/// <param name="Avoid">Locations to avoid, as postcodes.</param>
public sealed record GeneratedChild(Child Child, string? ContactPostcode, string? HomePostcode, string? SchoolPostcode, ImmutableArray<AvoidSpec> Avoid);
