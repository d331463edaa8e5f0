using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>Collects every problem found, so a user sees them all at once rather than one per run.</summary>
internal sealed class IssueList
{
    private readonly List<ValidationIssue> items = [];

    public int ErrorCount { get; private set; }

    public void Error(string file, int row, string column, string message) => Add(new ValidationIssue(file, row, column, message));

    public void Warning(string file, int row, string column, string message) =>
        Add(new ValidationIssue(file, row, column, message, IssueSeverity.Warning));

    public void Add(ValidationIssue issue)
    {
        items.Add(issue);
        if (issue.IsError)
        {
            ErrorCount++;
        }
    }

    public ImmutableArray<ValidationIssue> ToImmutable() => [.. items];
}
