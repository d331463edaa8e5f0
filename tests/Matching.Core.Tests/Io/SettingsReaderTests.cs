using Matching.Io;
using Matching.Tests.Support;

namespace Matching.Core.Tests.Io;

public sealed class SettingsReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadSettings_CommentedFile_MapsEverySection()
    {
        var (settings, issues) = BatchReader.ReadSettings(folder.Write("settings.json", """
            // our weights for the winter review
            {
              "version": 1,
              "weights": { "travel_burden": 2.5, "cost": 0 },
              /* no limit for fostering, but a long one */
              "parameters": { "contact_distance.foster_miles": 50, "contact_distance.concurrent_miles": null },
              "disabled_hard_rules": [ "smoke_free" ],
              "detour_factor": 1.3,
            }
            """));

        Assert.Empty(issues);
        Assert.NotNull(settings);
        Assert.Equal(2.5, settings.WeightOf("travel_burden"));
        Assert.Equal(0, settings.WeightOf("cost"));
        Assert.Equal(50, settings.ParameterOf("contact_distance", "foster_miles"));
        Assert.Null(settings.ParameterOf("contact_distance", "concurrent_miles"));
        Assert.False(settings.IsHardRuleOn("smoke_free"));
        Assert.Equal(1.3, settings.DetourFactor);
    }

    [Fact]
    public void ReadSettings_UnknownIds_ErrorsNameLineKeyAndKnownIds()
    {
        var (settings, issues) = BatchReader.ReadSettings(folder.Write("s.json", "{\n  \"version\": 1,\n  \"weights\": {\n    \"travel\": 1\n  },\n  \"disabled_hard_rules\": [\"no_smoking\"]\n}\n"));

        Assert.Null(settings);
        Assert.Equal(2, issues.Length);
        Assert.StartsWith("s.json:4:weights.travel: unknown soft rule id 'travel'; known ids: travel_burden, ethnicity,", issues[0].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("s.json:6:disabled_hard_rules[no_smoking]: unknown hard rule id 'no_smoking'", issues[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSettings_BrokenJson_NamesTheLine()
    {
        var (settings, issues) = BatchReader.ReadSettings(folder.Write("s.json", "{\n  \"version\": 1\n  \"weights\": {}\n}\n"));

        Assert.Null(settings);
        Assert.Equal("s.json:3:: is not valid JSON (check quotes, commas and brackets)", Assert.Single(issues).ToString());
    }

    [Fact]
    public void ReadSettings_NoVersion_IsAnError()
    {
        var (settings, issues) = BatchReader.ReadSettings(folder.Write("s.json", "{ \"weights\": { \"cost\": 2 } }"));

        Assert.Null(settings);
        Assert.Equal("s.json:1:version: is missing; write \"version\": 1 (the settings format this file uses)", Assert.Single(issues).ToString());
    }
}
