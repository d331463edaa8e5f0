using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Matching.Model;

namespace Matching.Geo;

/// <summary>Reads the gzipped, tab-separated tables embedded in the assembly (see Data/SOURCES.md).</summary>
internal static class GazetteerTables
{
    private const string Prefix = "Matching.Geo.Data.";

    /// <summary>Every postcode sector, in file (sorted) order.</summary>
    public static ImmutableArray<PostcodeArea> ReadSectors() => ReadAreas("postcode_sectors.tsv.gz");

    /// <summary>Every postcode district, in file (sorted) order.</summary>
    public static ImmutableArray<PostcodeArea> ReadDistricts() => ReadAreas("postcode_districts.tsv.gz");

    /// <summary>Every local authority district of the UK.</summary>
    public static ImmutableArray<LocalAuthority> ReadLocalAuthorities() =>
        [.. ReadRows("local_authority_districts.tsv.gz", 5).Select(f => new LocalAuthority(f[0], f[1], f[2], f[3], f[4]))];

    private static ImmutableArray<PostcodeArea> ReadAreas(string name) =>
        [.. ReadRows(name, 5).Select(f => new PostcodeArea(
            f[0],
            new Location(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)),
            int.Parse(f[3], CultureInfo.InvariantCulture),
            f[4]))];

    private static List<string[]> ReadRows(string name, int columns)
    {
        using var stream = typeof(GazetteerTables).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Embedded gazetteer table '{name}' is missing from the assembly (a build fault).");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        _ = reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new InvalidDataException($"Embedded gazetteer table '{name}' row {rows.Count + 2} has {fields.Length} columns, expected {columns}.");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
