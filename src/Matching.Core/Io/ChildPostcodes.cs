using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>
/// The postcodes a child's locations were resolved from, so <see cref="InputCsvWriter"/> can write postcodes as a
/// family finder would rather than coordinates.
/// </summary>
/// <param name="Contact">Postcode of the contact venue, if any.</param>
/// <param name="Home">Postcode of the birth family home, if any.</param>
/// <param name="School">Postcode of the school, if any.</param>
/// <param name="Avoid">Postcode of each of the child's avoid zones, in the same order (null: write coordinates).</param>
public sealed record ChildPostcodes(string? Contact, string? Home, string? School, ImmutableArray<string?> Avoid);
