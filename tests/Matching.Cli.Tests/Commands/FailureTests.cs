using Matching.Cli.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed class FailureTests
{
    [Fact]
    public void Run_UnexpectedException_ExitsOneAndSaysItIsABugWithoutAStackTrace()
    {
        // A writer that fails is not the user's doing: the tool must own it as a bug, in one line.
        var broken = new StringWriter();
        broken.Dispose();
        using var error = new StringWriter { NewLine = "\n" };

        var code = CliApp.Run(["rules"], new CliEnvironment(broken, error, new FixedClock(Tool.Today), Interactive: false));

        Assert.Equal(ExitCodes.Bug, code);
        Assert.StartsWith("matching: unexpected failure. This is a bug in matching, not a problem with your files;", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
