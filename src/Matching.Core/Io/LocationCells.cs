using System.Collections.Immutable;
using System.Globalization;
using Matching.Geo;
using Matching.Model;

namespace Matching.Io;

/// <summary>Reads locations: postcodes through the embedded gazetteer, coordinates, and avoid lists.</summary>
internal static class LocationCells
{
    /// <summary>
    /// The location of a row from a postcode column, overridden by a latitude and longitude pair when both are given.
    /// </summary>
    public static Location? Read(in CellReader cells, string postcodeColumn, string? latColumn = null, string? lonColumn = null)
    {
        if (latColumn is not null && lonColumn is not null)
        {
            var lat = cells.Number(latColumn, -90, 90);
            var lon = cells.Number(lonColumn, -180, 180);
            var latText = cells.Text(latColumn);
            var lonText = cells.Text(lonColumn);
            if (lat is { } la && lon is { } lo)
            {
                return new Location(la, lo);
            }

            if ((latText is null) != (lonText is null))
            {
                cells.Error(latText is null ? latColumn : lonColumn, $"give both {latColumn} and {lonColumn}, or neither");
            }

            if (latText is not null || lonText is not null)
            {
                return null;
            }
        }

        return cells.Text(postcodeColumn) is { } postcode ? Postcode(cells, postcodeColumn, postcode) : null;
    }

    public static Location? Postcode(in CellReader cells, string column, string postcode)
    {
        if (Gazetteer.Default.TryResolve(postcode, out var location, out _))
        {
            return location;
        }

        cells.Error(column, $"postcode '{postcode}' is not a known UK postcode, sector or district");
        return null;
    }

    /// <summary>
    /// <c>LOCATION:MILES</c> items separated by <c>;</c>, where LOCATION is a postcode or <c>lat,lon</c>.
    /// The miles follow the last colon, so <c>52.2,0.12:5</c> reads as coordinates and 5 miles.
    /// </summary>
    public static ImmutableArray<AvoidZone> Avoid(in CellReader cells, string column)
    {
        var zones = ImmutableArray.CreateBuilder<AvoidZone>();
        foreach (var item in cells.List(column))
        {
            var colon = item.LastIndexOf(':');
            if (colon <= 0
                || !double.TryParse(item[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var miles)
                || !double.IsFinite(miles) || miles <= 0)
            {
                cells.Error(column, $"'{item}' is not LOCATION:MILES (a postcode or lat,lon, a colon, then miles above 0)");
                continue;
            }

            var place = item[..colon].Trim();
            if (TryCoordinates(place, out var point))
            {
                zones.Add(new AvoidZone(point, miles));
            }
            else if (place.Contains(',', StringComparison.Ordinal))
            {
                cells.Error(column, $"'{place}' is not lat,lon (latitude -90 to 90, longitude -180 to 180, decimals with a dot)");
            }
            else if (Postcode(cells, column, place) is { } resolved)
            {
                zones.Add(new AvoidZone(resolved, miles));
            }
        }

        return zones.ToImmutable();
    }

    private static bool TryCoordinates(string text, out Location location)
    {
        location = default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return false;
        }

        location = new Location(lat, lon);
        return true;
    }
}
