namespace Matching.Model;

/// <summary>A point on the earth in WGS84 degrees. Locations are centroids or coordinates, never addresses.</summary>
/// <param name="Latitude">Degrees north, -90 to 90.</param>
/// <param name="Longitude">Degrees east, -180 to 180.</param>
public readonly record struct Location(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance to <paramref name="other"/> in statute miles.</summary>
    public double MilesTo(Location other) => Geo.GreatCircle.Miles(this, other);
}

/// <summary>A place a child must be kept away from, and by how far.</summary>
/// <param name="Location">The place to avoid.</param>
/// <param name="Miles">The carer must be at least this many miles away.</param>
public sealed record AvoidZone(Location Location, double Miles);
