namespace Matching.Io;

/// <summary>The paths of one batch's input files. Children and carers may be one <c>.xlsx</c> workbook.</summary>
public sealed record BatchFiles
{
    /// <summary><c>children.csv</c>, or a workbook with a <c>children</c> sheet.</summary>
    public required string Children { get; init; }

    /// <summary><c>carers.csv</c>, or a workbook with a <c>carers</c> sheet.</summary>
    public required string Carers { get; init; }

    /// <summary>Optional <c>pins.csv</c>: agreed links that must stay.</summary>
    public string? Pins { get; init; }

    /// <summary>Optional last week's <c>matches.csv</c>, for stability.</summary>
    public string? Previous { get; init; }

    /// <summary>Optional settings JSON.</summary>
    public string? Settings { get; init; }
}
