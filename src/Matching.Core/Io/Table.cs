using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>
/// A CSV file or a workbook sheet as text cells under lower-case header names. Excel dates arrive as
/// <c>YYYY-MM-DD</c> and Excel numbers in invariant form, so one set of cell parsers serves both.
/// </summary>
internal sealed class Table
{
    private readonly Dictionary<string, int> index;

    public Table(string source, ImmutableArray<string> headers, ImmutableArray<TableRow> rows)
    {
        Source = source;
        Headers = headers;
        Rows = rows;
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            index.TryAdd(headers[i], i);
        }
    }

    /// <summary>The name used in issues: the file name, or <c>book.xlsx[sheet]</c>.</summary>
    public string Source { get; }

    public ImmutableArray<string> Headers { get; }

    public ImmutableArray<TableRow> Rows { get; }

    public bool Has(string column) => index.ContainsKey(column);

    /// <summary>The trimmed cell, or null when the column is absent or the cell empty.</summary>
    public string? Cell(TableRow row, string column)
    {
        if (!index.TryGetValue(column, out var i) || i >= row.Cells.Length)
        {
            return null;
        }

        var value = row.Cells[i].Trim();
        return value.Length == 0 ? null : value;
    }
}
