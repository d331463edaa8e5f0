using Matching.Cli.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "matching: Required command was not provided.")]
    [InlineData(new[] { "solve", "--children", "c.csv" }, "matching: Option '--carers' is required.")]
    [InlineData(new[] { "validate", "--children", "c.csv", "--carers", "k.csv", "--as-of", "23/11/2026" }, "matching: --as-of '23/11/2026' is not a date; write YYYY-MM-DD, for example 2026-11-23")]
    [InlineData(new[] { "solve", "--children", "c.csv", "--carers", "k.csv", "--out", "o", "--time-limit", "0" }, "matching: --time-limit must be a number of seconds above 0 (at most 86400)")]
    [InlineData(new[] { "generate", "--children", "5", "--kind", "holiday" }, "matching: Argument 'holiday' not recognized. Must be one of:")]
    [InlineData(new[] { "solv" }, "matching: Unrecognized command or argument 'solv'.")]
    public void Run_WrongCommandLine_ExitsSixtyFourAndSaysWhatIsWrong(string[] args, string message)
    {
        var run = Tool.RunIn("de-DE", args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'matching --help' (or 'matching <command> --help') to see what to type.\n", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}
