using Matching.Model;

namespace Matching.Geo;

/// <summary>Great-circle (haversine) distances on a spherical earth.</summary>
public static class GreatCircle
{
    /// <summary>Mean earth radius in statute miles (IUGG mean radius 6,371.0088 km).</summary>
    public const double EarthRadiusMiles = 3958.7613;

    /// <summary>Straight-line distance between two points in statute miles.</summary>
    public static double Miles(Location a, Location b)
    {
        const double toRad = Math.PI / 180.0;
        var dLat = (b.Latitude - a.Latitude) * toRad;
        var dLon = (b.Longitude - a.Longitude) * toRad;
        var s = Math.Sin(dLat / 2);
        var t = Math.Sin(dLon / 2);
        var h = (s * s) + (Math.Cos(a.Latitude * toRad) * Math.Cos(b.Latitude * toRad) * t * t);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }
}
