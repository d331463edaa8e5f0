namespace Matching.Io;

/// <summary>How serious an input problem is.</summary>
public enum IssueSeverity
{
    /// <summary>The batch cannot be solved until this is fixed.</summary>
    Error,

    /// <summary>Worth a look; the batch can still be solved.</summary>
    Warning,
}
