namespace Matching.Io;

/// <summary>Checks on a table's header row.</summary>
internal static class Columns
{
    /// <summary>Reports each required column the header row lacks; true when none is missing.</summary>
    public static bool RequireAll(Table table, IEnumerable<string> required, IssueList issues)
    {
        var ok = true;
        foreach (var column in required.Where(c => !table.Has(c)))
        {
            issues.Error(table.Source, 1, column, "required column is missing (column names go in the first row)");
            ok = false;
        }

        return ok;
    }

    /// <summary>Every non-empty value of a column, even on rows with errors, so one mistake does not cascade into others.</summary>
    public static HashSet<string> Values(Table table, string column) =>
        table.Rows.Select(r => table.Cell(r, column)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Warns about columns the engine does not read: usually a misspelt name, whose data would otherwise be ignored silently.</summary>
    public static void WarnUnknown(Table table, IReadOnlyList<string> known, IssueList issues)
    {
        foreach (var column in table.Headers.Where(h => h.Length > 0 && !known.Contains(h, StringComparer.Ordinal)))
        {
            issues.Warning(table.Source, 1, column, $"this column is not used; the columns read are: {string.Join(", ", known)}");
        }
    }
}
