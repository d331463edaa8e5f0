using System.Globalization;

namespace Matching.Io;

/// <summary>
/// One problem found in the input files, located the way a spreadsheet shows it: the file, the row
/// (the header is row 1) and the column name.
/// </summary>
/// <param name="File">The file's name (for a workbook, <c>name.xlsx[sheet]</c>).</param>
/// <param name="Row">Row number as a spreadsheet shows it (header = 1; for JSON, the line); 0 for the whole file.</param>
/// <param name="Column">The column name (for JSON, the setting's path); empty for the whole row or file.</param>
/// <param name="Message">One plain sentence saying what is wrong and what is expected.</param>
/// <param name="Severity">Error (stops the run) or warning.</param>
public sealed record ValidationIssue(string File, int Row, string Column, string Message, IssueSeverity Severity = IssueSeverity.Error)
{
    /// <summary>True for an error.</summary>
    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary><c>file:row:column: message</c>, with <c>warning: </c> before the message of a warning.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Row}:{Column}: {(IsError ? "" : "warning: ")}{Message}");
}
