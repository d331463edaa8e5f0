namespace Matching.Cli;

/// <summary>The exit codes of the data contract.</summary>
internal static class ExitCodes
{
    /// <summary>Solved: optimal or feasible (or, for validate, the input is valid).</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure: a bug.</summary>
    public const int Bug = 1;

    /// <summary>Invalid input: every problem is listed as file:row:column: message.</summary>
    public const int InvalidInput = 2;

    /// <summary>Pins conflict with hard rules or with each other.</summary>
    public const int PinConflict = 3;

    /// <summary>No solution found within the time limit.</summary>
    public const int NoSolution = 4;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 64;
}
