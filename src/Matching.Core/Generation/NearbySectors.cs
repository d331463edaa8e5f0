using System.Collections.Immutable;
using Matching.Geo;
using Matching.Model;

namespace Matching.Generation;

/// <summary>Finds the sectors within a few miles of a point: a coarse latitude/longitude grid, so that a query
/// scans a handful of cells rather than every sector.</summary>
internal sealed class NearbySectors
{
    private const double CellDegrees = 0.1;
    private const double MilesPerDegreeLatitude = 69.05;

    private readonly Dictionary<(int, int), List<PostcodeArea>> cells = [];

    public NearbySectors(IEnumerable<PostcodeArea> sectors)
    {
        foreach (var sector in sectors)
        {
            var key = Cell(sector.Centroid);
            if (!cells.TryGetValue(key, out var list))
            {
                list = [];
                cells[key] = list;
            }

            list.Add(sector);
        }
    }

    /// <summary>Sectors whose centroid is within <paramref name="miles"/> of <paramref name="centre"/>, in a stable order.</summary>
    public ImmutableArray<PostcodeArea> Within(Location centre, double miles) => [.. Scan(centre, miles)];

    /// <summary>True when any sector is within <paramref name="miles"/> of <paramref name="centre"/>.</summary>
    public bool Any(Location centre, double miles) => Scan(centre, miles).Any();

    private IEnumerable<PostcodeArea> Scan(Location centre, double miles)
    {
        var dLat = miles / MilesPerDegreeLatitude;
        var dLon = dLat / Math.Max(0.2, Math.Cos(centre.Latitude * Math.PI / 180.0));
        var (lat0, lon0) = Cell(new Location(centre.Latitude - dLat, centre.Longitude - dLon));
        var (lat1, lon1) = Cell(new Location(centre.Latitude + dLat, centre.Longitude + dLon));
        for (var i = lat0; i <= lat1; i++)
        {
            for (var j = lon0; j <= lon1; j++)
            {
                if (!cells.TryGetValue((i, j), out var list))
                {
                    continue;
                }

                foreach (var sector in list)
                {
                    if (GreatCircle.Miles(centre, sector.Centroid) <= miles)
                    {
                        yield return sector;
                    }
                }
            }
        }
    }

    private static (int, int) Cell(Location l) =>
        ((int)Math.Floor(l.Latitude / CellDegrees), (int)Math.Floor(l.Longitude / CellDegrees));
}
