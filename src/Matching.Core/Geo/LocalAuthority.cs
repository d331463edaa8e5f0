namespace Matching.Geo;

/// <summary>A local authority district and the upper-tier authority with children's services (CSSR) over it.</summary>
/// <param name="LadCode">ONS 2025 GSS code of the district.</param>
/// <param name="LadName">Name of the district.</param>
/// <param name="CssrCode">GSS code of the children's services authority (the county in two-tier areas).</param>
/// <param name="CssrName">Name of the children's services authority.</param>
/// <param name="Country">England, Wales, Scotland or Northern Ireland.</param>
internal sealed record LocalAuthority(string LadCode, string LadName, string CssrCode, string CssrName, string Country);
