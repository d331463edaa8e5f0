using Matching.Model;

namespace Matching.Geo;

/// <summary>One postcode sector ("CB1 2") or district ("CB1") of the embedded gazetteer.</summary>
/// <param name="Code">The sector or outward code, canonical form.</param>
/// <param name="Centroid">Mean position of the area's postcodes.</param>
/// <param name="Postcodes">How many postcodes the centroid averages: a size weight for sampling.</param>
/// <param name="LadCode">The majority local authority district (ONS 2025 GSS code).</param>
internal sealed record PostcodeArea(string Code, Location Centroid, int Postcodes, string LadCode);
