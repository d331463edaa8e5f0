using Matching.Cli.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed class HelpAndRulesTests
{
    public static TheoryData<string, string> CommandsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "", "solve", "validate", "rules", "generate" })
        {
            foreach (var culture in Tool.Cultures)
            {
                data.Add(command, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandsAndCultures))]
    public void Help_EveryCommand_MatchesGoldenFile(string command, string culture)
    {
        var run = Tool.RunIn(culture, command.Length == 0 ? ["--help"] : [command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Golden.Check($"help-{(command.Length == 0 ? "matching" : command)}.txt", run.Out);
    }

    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Rules_Catalogue_MatchesGoldenFile(string culture)
    {
        var run = Tool.RunIn(culture, "rules");

        Assert.Equal(0, run.ExitCode);
        Golden.Check("rules.txt", run.Out);
    }

    [Fact]
    public void Rules_Catalogue_ListsEveryRuleIdOnce()
    {
        var run = Tool.Run("rules");

        foreach (var rule in Matching.Rules.RuleCatalogue.All)
        {
            Assert.Single(run.Out.Split('\n'), line => line.Contains($" {rule.Code} ", StringComparison.Ordinal) && line.Contains($" {rule.Id} ", StringComparison.Ordinal));
        }
    }
}
