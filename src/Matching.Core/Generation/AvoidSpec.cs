namespace Matching.Generation;

/// <summary>A location to avoid as it would be written in <c>children.csv</c>: a sector postcode and a distance.</summary>
/// <param name="Postcode">A sector postcode the gazetteer resolves ("CB1 2").</param>
/// <param name="Miles">The carer must be at least this many miles away.</param>
public sealed record AvoidSpec(string Postcode, double Miles);
