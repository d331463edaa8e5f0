using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Matching.Io;

/// <summary>How outputs write numbers and files: invariant culture, fixed decimals, UTF-8 without BOM, LF line ends.</summary>
internal static class OutputFormat
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Miles to one decimal place; empty when unknown.</summary>
    public static string Miles(double? miles) => miles is { } m && double.IsFinite(m)
        ? Math.Round(m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)
        : "";

    /// <summary>Points to two decimal places (never "-0.00").</summary>
    public static string Points(decimal points)
    {
        var rounded = Math.Round(points, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0m : rounded).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a CSV file: a header row, then one row per record.</summary>
    public static void WriteCsv(string path, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new StreamWriter(path, append: false, Utf8);
        using var csv = new CsvWriter(stream, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }

    public static void WriteText(string path, string text) => File.WriteAllText(path, text, Utf8);
}
