using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>Reads two-id files: <c>pins.csv</c> and last week's <c>matches.csv</c> (other columns are ignored).</summary>
internal static class LinksReader
{
    public static readonly ImmutableArray<string> RequiredColumns = ["child_id", "carer_id"];

    /// <summary>The (row, child, carer) links; a child named twice is an error.</summary>
    public static ImmutableArray<(int Row, string ChildId, string CarerId)> Read(Table table, IssueList issues)
    {
        if (!Columns.RequireAll(table, RequiredColumns, issues))
        {
            return [];
        }

        var links = ImmutableArray.CreateBuilder<(int, string, string)>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var cells = new CellReader(table, row, issues);
            var child = cells.Required("child_id");
            var carer = cells.Required("carer_id");
            if (child is null || carer is null)
            {
                continue;
            }

            if (!firstRow.TryAdd(child, row.Number))
            {
                cells.Error("child_id", $"'{child}' is also on row {firstRow[child]}; a child can be linked to one carer only");
                continue;
            }

            links.Add((row.Number, child, carer));
        }

        return links.ToImmutable();
    }
}
