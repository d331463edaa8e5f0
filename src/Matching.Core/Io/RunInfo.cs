using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>What a run folder records about how it was made, beside the result itself.</summary>
public sealed record RunInfo
{
    /// <summary>The tool that made the run (for example <c>matching 0.1.0</c>).</summary>
    public required string Tool { get; init; }

    /// <summary>The seed given to the solver.</summary>
    public required int Seed { get; init; }

    /// <summary>The solver's time limit.</summary>
    public required TimeSpan TimeLimit { get; init; }

    /// <summary>Whether every shortlist cost was to be proved (<see cref="SolveOptions.ExactShortlists"/>).</summary>
    public bool ExactShortlists { get; init; }

    /// <summary>Where the batch date came from: <c>--as-of</c>, or the clock (today).</summary>
    public string BatchDateSource { get; init; } = "given";

    /// <summary>The input files with their SHA-256.</summary>
    public ImmutableArray<InputFile> Inputs { get; init; } = [];

    /// <summary>Time spent outside the engine (for example reading), in milliseconds, by phase; recorded in run.json only.</summary>
    public ImmutableSortedDictionary<string, double> PhaseMilliseconds { get; init; } =
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
}
