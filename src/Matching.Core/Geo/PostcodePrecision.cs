namespace Matching.Geo;

/// <summary>How precisely a postcode was located by the <see cref="Gazetteer"/>.</summary>
public enum PostcodePrecision
{
    /// <summary>The centroid of the postcode sector (for example "CB1 2").</summary>
    Sector,

    /// <summary>The centroid of the postcode district (for example "CB1"): the input was a district, or its sector is unknown.</summary>
    District,
}
