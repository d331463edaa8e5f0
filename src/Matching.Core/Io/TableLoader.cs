using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Matching.Io;

/// <summary>Loads a CSV file or a workbook sheet into a <see cref="Table"/>, reporting what cannot be read.</summary>
internal static class TableLoader
{
    /// <summary>
    /// Loads <paramref name="content"/> (the bytes of <paramref name="fileName"/>): a workbook when the name ends
    /// in <c>.xlsx</c> (reading <paramref name="sheet"/>), else CSV. Null when nothing could be read.
    /// </summary>
    public static Table? Load(string fileName, byte[] content, string sheet, IssueList issues) =>
        IsWorkbook(fileName)
            ? LoadWorkbook(fileName, content, sheet, issues)
            : LoadCsv(fileName, content, issues);

    private static bool IsWorkbook(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static Table? LoadCsv(string source, byte[] content, IssueList issues)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        ImmutableArray<string>? headers = null;
        try
        {
            using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            using var parser = new CsvParser(reader, config);
            var number = 0;
            while (parser.Read())
            {
                number++;
                var record = parser.Record ?? [];
                if (headers is null)
                {
                    headers = Headers(record);
                }
                else if (record.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    rows.Add(new TableRow(number, [.. record]));
                }
            }
        }
        catch (Exception e) when (e is CsvHelperException or IOException or DecoderFallbackException)
        {
            issues.Error(source, 0, "", "could not be read as CSV (save it as CSV UTF-8, comma separated)");
            return null;
        }

        if (headers is null)
        {
            issues.Error(source, 1, "", "the file is empty: the first row must hold the column names");
            return null;
        }

        if (headers.Value.Length == 1 && headers.Value[0].Contains(';', StringComparison.Ordinal))
        {
            issues.Error(source, 1, "", "the columns are separated by semicolons; save the file as CSV UTF-8 (comma delimited)");
            return null;
        }

        return Checked(new Table(source, headers.Value, rows.ToImmutable()), issues);
    }

    private static Table? LoadWorkbook(string fileName, byte[] content, string sheet, IssueList issues)
    {
        var source = fileName + "[" + sheet + "]";
        try
        {
            using var stream = new MemoryStream(content);
            var sheets = MiniExcel.GetSheetNames(stream);
            var name = sheets.FirstOrDefault(s => string.Equals(s.Trim(), sheet, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                issues.Error(fileName, 0, "", $"the workbook has no sheet named '{sheet}' (it has: {string.Join(", ", sheets)})");
                return null;
            }

            stream.Position = 0;
            var rows = ImmutableArray.CreateBuilder<TableRow>();
            ImmutableArray<string>? headers = null;
            var number = 0;
            foreach (IDictionary<string, object?> raw in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name))
            {
                number++;
                var cells = ColumnsInOrder(raw).Select(CellText).ToArray();
                if (headers is null)
                {
                    headers = Headers(cells);
                }
                else if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(new TableRow(number, [.. cells]));
                }
            }

            if (headers is null)
            {
                issues.Error(source, 1, "", "the sheet is empty: the first row must hold the column names");
                return null;
            }

            return Checked(new Table(source, headers.Value, rows.ToImmutable()), issues);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            issues.Error(fileName, 0, "", "could not be read as an Excel workbook (.xlsx)");
            return null;
        }
    }

    /// <summary>MiniExcel keys cells by column letter (A, B, ..., AA); order them as the sheet shows them.</summary>
    private static IEnumerable<object?> ColumnsInOrder(IDictionary<string, object?> raw) =>
        raw.OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value);

    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static ImmutableArray<string> Headers(IEnumerable<string> cells) =>
        [.. cells.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant())];

    private static Table Checked(Table table, IssueList issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in table.Headers.Where(h => h.Length > 0))
        {
            if (!seen.Add(h))
            {
                issues.Error(table.Source, 1, h, "this column appears twice; keep one");
            }
        }

        return table;
    }
}
