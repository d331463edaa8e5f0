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
}
