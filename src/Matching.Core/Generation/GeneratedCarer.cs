using Matching.Model;

namespace Matching.Generation;

/// <summary>A generated carer household and the sector postcode its location was resolved from.</summary>
/// <param name="Carer">The household; its location is the gazetteer centroid of <paramref name="Postcode"/>.</param>
/// <param name="Postcode">A sector postcode ("CB1 2").</param>
public sealed record GeneratedCarer(Carer Carer, string Postcode);
