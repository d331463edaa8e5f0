using System.Collections.Immutable;
using System.Globalization;

namespace Matching.Io;

/// <summary>
/// Typed reading of one row's cells. Every parse failure is recorded with the file, row and column, and the
/// reader carries on, so one pass finds every problem.
/// </summary>
internal readonly struct CellReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "yyyy-MM-dd'T'HH:mm:ss"];

    private readonly Table table;
    private readonly IssueList issues;

    public CellReader(Table table, TableRow row, IssueList issues)
    {
        this.table = table;
        Row = row;
        this.issues = issues;
    }

    public TableRow Row { get; }

    public void Error(string column, string message) => issues.Error(table.Source, Row.Number, column, message);

    public void Warning(string column, string message) => issues.Warning(table.Source, Row.Number, column, message);

    /// <summary>The trimmed text, or null when empty or absent.</summary>
    public string? Text(string column) => table.Cell(Row, column);

    /// <summary>The text of a required column; an error when the cell is empty.</summary>
    public string? Required(string column)
    {
        var text = Text(column);
        if (text is null && table.Has(column))
        {
            Error(column, "is empty; a value is required");
        }

        return text;
    }

    /// <summary>A <c>;</c>-separated list, items trimmed, empty items dropped.</summary>
    public ImmutableArray<string> List(string column) => Text(column) is { } text ? Split(text) : [];

    public static ImmutableArray<string> Split(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>An ISO or <c>DD/MM/YYYY</c> date.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return DateOnly.FromDateTime(d);
        }

        Error(column, $"'{text}' is not a date; write YYYY-MM-DD or DD/MM/YYYY");
        return null;
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int? Int(string column, int min, int max, bool required = false)
    {
        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x != Math.Floor(x))
        {
            Error(column, $"'{text}' is not a whole number");
            return null;
        }

        if (x < min || x > max)
        {
            Error(column, string.Create(CultureInfo.InvariantCulture, $"{text} is out of range; expected {min} to {max}"));
            return null;
        }

        return (int)x;
    }

    /// <summary>A number within <paramref name="min"/>..<paramref name="max"/> (invariant: a dot for decimals).</summary>
    public double? Number(string column, double min, double max)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            Error(column, $"'{text}' is not a number (use a dot for decimals, no thousands separators)");
            return null;
        }

        if (x < min || x > max)
        {
            Error(column, string.Create(CultureInfo.InvariantCulture, $"{text} is out of range; expected {min} to {max}"));
            return null;
        }

        return x;
    }

    /// <summary>yes/no, y/n, true/false, 1/0 in any case.</summary>
    public bool? Bool(string column)
    {
        var text = Text(column);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "yes" or "y" or "true" or "1":
                return true;
            case "no" or "n" or "false" or "0":
                return false;
            default:
                Error(column, $"'{text}' is not yes or no (write yes/no, y/n, true/false or 1/0)");
                return null;
        }
    }

    /// <summary>One of <paramref name="codes"/> (keys lower case; text compared in any case); otherwise an error saying what is <paramref name="expected"/>.</summary>
    public T? Code<T>(string column, IReadOnlyDictionary<string, T> codes, string expected, bool required = false)
        where T : struct
    {
        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (codes.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        Error(column, $"'{text}' is not known; write {expected}");
        return null;
    }
}
