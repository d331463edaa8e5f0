using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Io;

/// <summary>What reading a batch gave: the problem (null when any error was found), every issue, and the inputs' fingerprints.</summary>
public sealed record BatchReadResult
{
    /// <summary>The batch, ready to solve; null when the input has errors.</summary>
    public MatchingProblem? Problem { get; init; }

    /// <summary>Every error and warning, by file in reading order, then by row.</summary>
    public required ImmutableArray<ValidationIssue> Issues { get; init; }

    /// <summary>The input files read, with their SHA-256.</summary>
    public required ImmutableArray<InputFile> Inputs { get; init; }

    /// <summary>True when at least one issue is an error.</summary>
    public bool HasErrors => Issues.Any(i => i.IsError);

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Issues.Count(i => i.IsError);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Issues.Count(i => !i.IsError);
}
