using Matching.Cli.Commands;

namespace Matching.Cli.Tests.Commands;

/// <summary>The solve status to exit code mapping of the data contract, including the codes hard to provoke end to end.</summary>
public sealed class ExitCodeTests
{
    private static MatchingResult Result(SolveStatus status, params string[] conflicts) => new()
    {
        Status = status,
        Proposals = [],
        Unmatched = [],
        ChildrenPlaced = 0,
        Score = 0,
        ScoreBound = null,
        PinConflicts = [.. conflicts],
        Statistics = new SolveStatistics(),
    };

    [Theory]
    [InlineData(SolveStatus.Optimal, 0)]
    [InlineData(SolveStatus.Feasible, 0)]
    [InlineData(SolveStatus.NoSolution, 4)]
    [InlineData(SolveStatus.Infeasible, 4)]
    public void ExitCodeFor_Status_FollowsTheContract(SolveStatus status, int expected) =>
        Assert.Equal(expected, SolveCommand.ExitCodeFor(Result(status)));

    [Fact]
    public void ExitCodeFor_InfeasibleBecauseOfPins_IsThree() =>
        Assert.Equal(3, SolveCommand.ExitCodeFor(Result(SolveStatus.Infeasible, "pin C1→K1 breaks capacity")));
}
