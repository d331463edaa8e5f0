using Matching.Model;

namespace Matching.Solving;

/// <summary>
/// A uniform latitude/longitude grid over a set of points, so that "every point within R miles" touches only
/// nearby cells instead of every point. Results are exact (filtered by great-circle distance) and in index order.
/// </summary>
internal sealed class SpatialGrid
{
    // A degree of latitude is at least 68.7 statute miles anywhere on earth: cells and query boxes use this
    // lower bound so that no point within range is ever missed.
    private const double MinMilesPerDegree = 68.7;

    private readonly Location[] points;
    private readonly double cellDegrees;
    private readonly Dictionary<long, int[]> cells;

    public SpatialGrid(IReadOnlyList<Location> points, double cellMiles = 10)
    {
        this.points = [.. points];
        cellDegrees = cellMiles / MinMilesPerDegree;
        var lists = new Dictionary<long, List<int>>();
        for (var i = 0; i < this.points.Length; i++)
        {
            var key = Key(CellOf(this.points[i].Latitude), CellOf(this.points[i].Longitude));
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(i);
        }

        cells = lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    public int Count => points.Length;

    /// <summary>Adds to <paramref name="result"/> the indices of points within <paramref name="miles"/> (great circle) of <paramref name="centre"/>, ascending.</summary>
    public void Within(Location centre, double miles, List<int> result)
    {
        var start = result.Count;
        var dLat = miles / MinMilesPerDegree;
        var maxAbsLat = Math.Min(89.0, Math.Abs(centre.Latitude) + dLat);
        var dLon = Math.Min(180.0, miles / (MinMilesPerDegree * Math.Cos(maxAbsLat * Math.PI / 180.0)));
        int lat0 = CellOf(centre.Latitude - dLat), lat1 = CellOf(centre.Latitude + dLat);
        int lon0 = CellOf(centre.Longitude - dLon), lon1 = CellOf(centre.Longitude + dLon);
        for (var la = lat0; la <= lat1; la++)
        {
            for (var lo = lon0; lo <= lon1; lo++)
            {
                if (!cells.TryGetValue(Key(la, lo), out var members))
                {
                    continue;
                }

                foreach (var i in members)
                {
                    if (points[i].MilesTo(centre) <= miles)
                    {
                        result.Add(i);
                    }
                }
            }
        }

        result.Sort(start, result.Count - start, Comparer<int>.Default);
    }

    private int CellOf(double degrees) => (int)Math.Floor(degrees / cellDegrees);

    private static long Key(int lat, int lon) => unchecked(((long)lat << 32) ^ (uint)lon);
}
