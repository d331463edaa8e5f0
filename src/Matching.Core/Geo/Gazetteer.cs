using System.Collections.Frozen;
using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Geo;

/// <summary>
/// An offline UK postcode gazetteer: sector and district centroids embedded in the library (ONS postcode
/// products under the Open Government Licence v3.0; see NOTICE.md). It locates areas, never addresses.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, PostcodeArea> sectorsByCode;
    private readonly FrozenDictionary<string, PostcodeArea> districtsByCode;

    private Gazetteer(ImmutableArray<PostcodeArea> sectors, ImmutableArray<PostcodeArea> districts, ImmutableArray<LocalAuthority> authorities)
    {
        Sectors = sectors;
        Districts = districts;
        LocalAuthorities = authorities.ToFrozenDictionary(a => a.LadCode, StringComparer.Ordinal);
        sectorsByCode = sectors.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);
        districtsByCode = districts.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
    }

    /// <summary>The gazetteer of the embedded data, loaded once on first use (thread-safe).</summary>
    public static Gazetteer Default => Shared.Value;

    /// <summary>Number of postcode sectors known.</summary>
    public int SectorCount => Sectors.Length;

    /// <summary>Number of postcode districts known.</summary>
    public int DistrictCount => Districts.Length;

    /// <summary>Every sector, sorted as in the source.</summary>
    internal ImmutableArray<PostcodeArea> Sectors { get; }

    /// <summary>Every district, sorted as in the source.</summary>
    internal ImmutableArray<PostcodeArea> Districts { get; }

    /// <summary>Local authority districts by GSS code.</summary>
    internal FrozenDictionary<string, LocalAuthority> LocalAuthorities { get; }

    /// <summary>
    /// Locates a full ("CB1 2AB"), sector ("CB1 2") or district ("CB1") postcode in any case and spacing.
    /// A full or sector postcode resolves to its sector's centroid, or to its district's when the sector is unknown.
    /// </summary>
    /// <param name="postcode">User text; never throws for it.</param>
    /// <param name="location">The centroid found, or default.</param>
    /// <param name="precision">Whether the sector or only the district was found.</param>
    /// <returns>False for anything unknown or malformed.</returns>
    public bool TryResolve(string postcode, out Location location, out PostcodePrecision precision)
    {
        location = default;
        precision = PostcodePrecision.District;
        if (!PostcodeParts.TryParse(postcode, out var parts))
        {
            return false;
        }

        if (parts.Sector is { } sector && sectorsByCode.TryGetValue(sector, out var s))
        {
            location = s.Centroid;
            precision = PostcodePrecision.Sector;
            return true;
        }

        if (districtsByCode.TryGetValue(parts.Outward, out var d))
        {
            location = d.Centroid;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Puts a postcode in canonical form: upper case, one space before the inward code ("CB1 2AB", "CB1 2", "CB1").
    /// Checks the shape only, not that the postcode exists. Without a space, a valid district shape is read as a district.
    /// </summary>
    /// <param name="raw">User text; null or malformed gives false.</param>
    /// <param name="normalized">The canonical form, or the empty string.</param>
    /// <returns>True when <paramref name="raw"/> has the shape of a postcode, sector or district.</returns>
    public static bool TryNormalize(string raw, out string normalized)
    {
        if (PostcodeParts.TryParse(raw, out var parts))
        {
            normalized = parts.Normalized;
            return true;
        }

        normalized = string.Empty;
        return false;
    }

    /// <summary>The sector with this canonical code, if known.</summary>
    internal PostcodeArea? FindSector(string code) => sectorsByCode.GetValueOrDefault(code);

    /// <summary>The district with this outward code, if known.</summary>
    internal PostcodeArea? FindDistrict(string outward) => districtsByCode.GetValueOrDefault(outward);

    private static Gazetteer Load() =>
        new(GazetteerTables.ReadSectors(), GazetteerTables.ReadDistricts(), GazetteerTables.ReadLocalAuthorities());
}
