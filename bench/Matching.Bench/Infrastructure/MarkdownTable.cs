using System.Globalization;
using System.Text;

namespace Matching.Bench.Infrastructure;

/// <summary>A markdown table built row by row; cells are formatted invariantly by the caller.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public MarkdownTable(params string[] headers) => this.headers = headers;

    public int RowCount => rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        rows.Add(cells);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        sb.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return sb.ToString();
    }

    public static string Num(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Num(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(TimeSpan t) => Num(t.TotalMilliseconds, t.TotalMilliseconds < 10 ? 2 : 0);
}
