using Matching.Cli.Tests.Support;
using Matching.Tests.Support;

namespace Matching.Cli.Tests.Explain;

/// <summary><c>matching explain</c>: the story of one child, read back from a real run folder.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string run;

    public ExplainCommandTests()
    {
        run = Path.Combine(folder.Path, "unplaced");
        var solve = Tool.Run(
            "solve", "--children", Golden.Sample("some-children-unplaced/children.csv"),
            "--carers", Golden.Sample("some-children-unplaced/carers.csv"), "--as-of", "2026-11-23", "--out", run);
        Assert.Equal(ExitCodes.Ok, solve.ExitCode);
    }

    public void Dispose() => folder.Dispose();

    private IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(run, file)).Skip(1).Select(l => l.Split(','));

    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Explain_PlacedChild_TellsTheProposalScoresFlagsAndShortlist(string culture)
    {
        var proposal = Rows("matches.csv").First();
        var child = proposal[0];

        var result = Tool.RunIn(culture, "explain", "--run", run, "--child", child);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith($"Child {child}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Proposed carer: {proposal[2]}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"score {proposal[4]}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Score by rule (points; negative is a cost):", result.Out, StringComparison.Ordinal);
        Assert.Contains("Flags for the panel:", result.Out, StringComparison.Ordinal);
        Assert.Contains($" 1. {proposal[2]}", result.Out, StringComparison.Ordinal);
        Golden.Check($"explain-placed.txt", result.Out);
    }

    [Fact]
    public void Explain_UnmatchedChild_TellsTheReasonCascadeAndWhatItWouldTake()
    {
        var unmatched = File.ReadAllLines(Path.Combine(run, "unmatched.csv")).Skip(1).ToArray();
        Assert.NotEmpty(unmatched);
        var child = unmatched[0].Split(',')[0];

        var result = Tool.Run("explain", "--run", run, "--child", child);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Not placed. ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Carers excluded, by rule (a cascade", result.Out, StringComparison.Ordinal);
        Assert.Contains("What it would take:\n  - ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Shortlist (cost if chosen", result.Out, StringComparison.Ordinal);
        Golden.Check("explain-unmatched.txt", result.Out);
    }

    [Fact]
    public void Explain_EveryChild_TellsAStoryAndNeverFails()
    {
        var children = Rows("matches.csv").Concat(Rows("unmatched.csv")).Select(r => r[0]).ToArray();
        Assert.Equal(20, children.Length);
        foreach (var child in children)
        {
            var result = Tool.Run("explain", "--run", run, "--child", child);
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.StartsWith($"Child {child}", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explain_ChildNotInTheRun_ExitsTwoSayingSo()
    {
        var result = Tool.Run("explain", "--run", run, "--child", "NOBODY");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("matching: child 'NOBODY' is not in the run at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_FolderThatIsNotARun_ExitsTwoSayingWhatToGive()
    {
        var result = Tool.Run("explain", "--run", folder.Path, "--child", "C00001");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is not a matching run folder (it has no run.json)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WithoutChild_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, Tool.Run("explain", "--run", run).ExitCode);
    }
}
