using System.Collections.Immutable;
using Matching.Geo;

namespace Matching.Generation;

/// <summary>The English sectors of the requested region (where children's families live) and of a ring around it
/// (where some carers live): carers are recruited across authority boundaries.</summary>
/// <param name="Name">The region as resolved (a CSSR name, a region name, or "England").</param>
/// <param name="Inside">Sectors of the region, in gazetteer order.</param>
/// <param name="Ring">English sectors outside the region within <see cref="RingMiles"/> of it.</param>
internal sealed record RegionSectors(string Name, ImmutableArray<PostcodeArea> Inside, ImmutableArray<PostcodeArea> Ring)
{
    /// <summary>How far beyond the region's edge carers may live (estimate: out-of-area placements are common, and
    /// most fall within a neighbouring authority).</summary>
    public const double RingMiles = 25.0;

    /// <summary>Resolves <paramref name="region"/> (null, "England", a region name, a CSSR code or name; any case).</summary>
    /// <exception cref="ArgumentException">The region is not known.</exception>
    public static RegionSectors Resolve(Gazetteer gazetteer, string? region)
    {
        var english = gazetteer.Sectors
            .Select(s => (Sector: s, Authority: gazetteer.LocalAuthorities[s.LadCode]))
            .Where(x => x.Authority.Country == "England")
            .ToList();
        var wanted = region?.Trim();
        if (string.IsNullOrEmpty(wanted) || string.Equals(wanted, "England", StringComparison.OrdinalIgnoreCase))
        {
            return new RegionSectors("England", [.. english.Select(x => x.Sector)], []);
        }

        Func<LocalAuthority, bool> inRegion;
        string name;
        if (EnglishRegions.Find(wanted) is { } regionName)
        {
            name = regionName;
            inRegion = a => EnglishRegions.RegionOf(a.CssrCode) == regionName;
        }
        else if (english.Select(x => x.Authority).FirstOrDefault(a =>
            string.Equals(a.CssrCode, wanted, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(a.CssrName, wanted, StringComparison.OrdinalIgnoreCase)) is { } authority)
        {
            name = authority.CssrName;
            inRegion = a => a.CssrCode == authority.CssrCode;
        }
        else
        {
            throw new ArgumentException(
                $"Unknown region '{wanted}': give a children's services authority code or name (for example E10000017 or Lancashire), " +
                $"one of {string.Join(", ", EnglishRegions.Names)}, or England.",
                nameof(region));
        }

        var inside = english.Where(x => inRegion(x.Authority)).Select(x => x.Sector).ToImmutableArray();
        if (inside.IsEmpty)
        {
            throw new ArgumentException($"Region '{wanted}' has no postcode sectors of its own to place families in.", nameof(region));
        }

        var index = new NearbySectors(inside);
        var ring = english.Where(x => !inRegion(x.Authority) && index.Any(x.Sector.Centroid, RingMiles)).Select(x => x.Sector);
        return new RegionSectors(name, inside, [.. ring]);
    }
}
