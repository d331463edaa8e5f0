using System.Text.Json;
using System.Text.RegularExpressions;
using Matching.Cli.Tests.Support;
using Matching.Io;
using Matching.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed partial class SolveCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string[] SampleArgs(string outDir, params string[] more) =>
    [
        "solve",
        "--children", Golden.Sample("concurrent-planning-week/children.csv"),
        "--carers", Golden.Sample("concurrent-planning-week/carers.csv"),
        "--pins", Golden.Sample("concurrent-planning-week/pins.csv"),
        "--as-of", "2026-11-23", "--seed", "1", "--out", outDir, .. more,
    ];

    /// <summary>run.json without the timings, the one part that changes from run to run.</summary>
    private static string WithoutTimings(string runJson) => Timings().Replace(runJson, "\"timings_ms\": {}");

    [GeneratedRegex(@"""timings_ms"": \{[^}]*\}")]
    private static partial Regex Timings();

    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Solve_Sample_WritesTheGoldenOutputsAndASummary(string culture)
    {
        var outDir = Path.Combine(folder.Path, "week47");

        var run = Tool.RunIn(culture, SampleArgs(outDir));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Error);
        foreach (var file in new[] { "matches.csv", "unmatched.csv", "shortlist.csv", "report.html" })
        {
            Golden.Check("solve-concurrent-week/" + file, File.ReadAllText(Path.Combine(outDir, file)));
        }

        Golden.Check("solve-concurrent-week/run.json", WithoutTimings(File.ReadAllText(Path.Combine(outDir, "run.json"))));
        Golden.Check("solve-concurrent-week/summary.txt", SummaryTime().Replace(run.Out.Replace(outDir, "OUT", StringComparison.Ordinal), "Time: N s."));
    }

    [GeneratedRegex(@"Time: [0-9.]+ s\.")]
    private static partial Regex SummaryTime();

    [Fact]
    public void Solve_ExactShortlists_RecordedInRunJsonAndTheSampleShortlistUnchanged()
    {
        // The sample's components are small, so their shortlists are exact either way: the flag changes nothing there
        // but the record of how the run was made.
        var plain = Path.Combine(folder.Path, "plain");
        var exact = Path.Combine(folder.Path, "exact");

        Assert.Equal(ExitCodes.Ok, Tool.Run(SampleArgs(plain)).ExitCode);
        Assert.Equal(ExitCodes.Ok, Tool.Run(SampleArgs(exact, "--exact-shortlists")).ExitCode);

        Assert.Equal(File.ReadAllText(Path.Combine(plain, "shortlist.csv")), File.ReadAllText(Path.Combine(exact, "shortlist.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(exact, "run.json")));
        Assert.True(json.RootElement.GetProperty("exact_shortlists").GetBoolean());
        using var plainJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(plain, "run.json")));
        Assert.False(plainJson.RootElement.GetProperty("exact_shortlists").GetBoolean());
    }

    [Fact]
    public void Solve_Twice_GivesByteIdenticalOutputsApartFromTimings()
    {
        var first = Path.Combine(folder.Path, "a");
        var second = Path.Combine(folder.Path, "b");

        Assert.Equal(ExitCodes.Ok, Tool.Run(SampleArgs(first)).ExitCode);
        Assert.Equal(ExitCodes.Ok, Tool.RunIn("de-DE", SampleArgs(second)).ExitCode);

        foreach (var file in new[] { "matches.csv", "unmatched.csv", "shortlist.csv", "report.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        Assert.Equal(WithoutTimings(File.ReadAllText(Path.Combine(first, "run.json"))), WithoutTimings(File.ReadAllText(Path.Combine(second, "run.json"))));
    }

    [Fact]
    public void Solve_Outputs_NeverContainPostcodes()
    {
        var outDir = Path.Combine(folder.Path, "out");
        Assert.Equal(ExitCodes.Ok, Tool.Run(SampleArgs(outDir)).ExitCode);
        var inputs = File.ReadAllText(Golden.Sample("concurrent-planning-week/children.csv")) + File.ReadAllText(Golden.Sample("concurrent-planning-week/carers.csv"));
        var postcodes = PostcodeSector().Matches(inputs).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(postcodes);

        foreach (var file in RunFolderWriter.FileNames)
        {
            var text = File.ReadAllText(Path.Combine(outDir, file));
            Assert.DoesNotContain(postcodes, p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
        }
    }

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][0-9A-Z]? [0-9]\b")]
    private static partial Regex PostcodeSector();

    [Fact]
    public void Solve_InvalidInput_ExitsTwoListsProblemsAndWritesNothing()
    {
        var outDir = Path.Combine(folder.Path, "out");

        var run = Tool.Run(
            "solve", "--children", Golden.Input("bad-rows/children.csv"), "--carers", Golden.Input("bad-rows/carers.csv"),
            "--as-of", "2026-11-23", "--out", outDir);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("children.csv:2:dob: '2020-02-30' is not a date", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("nothing was solved and nothing was written. Fix the files, then run again ('matching validate' checks them without solving).\n", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Solve_PinBreakingAHardRule_ExitsThreeNamingThePin()
    {
        // RAA-111 is five; RAA-K01 is approved for children up to two.
        var pins = folder.Write("pins.csv", "child_id,carer_id\nRAA-111,RAA-K01\n");
        var outDir = Path.Combine(folder.Path, "out");

        var run = Tool.Run(
            "solve", "--children", Golden.Sample("concurrent-planning-week/children.csv"),
            "--carers", Golden.Sample("concurrent-planning-week/carers.csv"), "--pins", pins, "--as-of", "2026-11-23", "--out", outDir);

        Assert.Equal(ExitCodes.PinConflict, run.ExitCode);
        Assert.StartsWith("matching: the pins conflict with the rules or with each other, so nothing was solved:\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("RAA-111", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Solve_Json_PrintsTheResultForServices()
    {
        var outDir = Path.Combine(folder.Path, "out");

        var run = Tool.Run(SampleArgs(outDir, "--json"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.Equal(root.GetProperty("children_placed").GetInt32(), root.GetProperty("proposals").GetArrayLength());
        Assert.Equal(root.GetProperty("children_unmatched").GetInt32(), root.GetProperty("unmatched").GetArrayLength());
        Assert.Contains(root.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("child_id").GetString() == "RAA-104" && p.GetProperty("pinned").GetBoolean());
    }

    [Fact]
    public void Solve_WithoutAsOf_RecordsTodayFromTheClock()
    {
        var outDir = Path.Combine(folder.Path, "out");
        var children = folder.Write("children.csv", "child_id,dob,placement_type\nC1,2019-01-01,foster\n");
        var carers = folder.Write("carers.csv", "carer_id,postcode,approval,places\nK1,LS6 1,foster,1\n");

        var run = Tool.Run("solve", "--children", children, "--carers", carers, "--out", outDir);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        Assert.Equal("2026-11-23", json.RootElement.GetProperty("batch_date").GetString());
        Assert.Equal("today", json.RootElement.GetProperty("batch_date_source").GetString());
    }

    [Fact]
    public void Solve_WithLastWeeksMatches_ReadsThemAndKeepsTheProposals()
    {
        var lastWeek = Path.Combine(folder.Path, "last");
        var thisWeek = Path.Combine(folder.Path, "this");
        Assert.Equal(ExitCodes.Ok, Tool.Run(SampleArgs(lastWeek)).ExitCode);

        var run = Tool.Run(SampleArgs(thisWeek, "--previous", Path.Combine(lastWeek, "matches.csv")));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(thisWeek, "run.json")));
        Assert.Equal(10, json.RootElement.GetProperty("counts").GetProperty("previous_matches").GetInt32());
        Assert.Equal("matches.csv", json.RootElement.GetProperty("inputs").GetProperty("previous").GetProperty("file").GetString());
        Assert.Equal(File.ReadAllText(Path.Combine(lastWeek, "matches.csv")).Split('\n').Select(l => string.Join(',', l.Split(',').Take(3))),
            File.ReadAllText(Path.Combine(thisWeek, "matches.csv")).Split('\n').Select(l => string.Join(',', l.Split(',').Take(3))));
    }

    [Fact]
    public void Solve_OutFolderHoldingOtherFiles_IsAUsageErrorAndTouchesNothing()
    {
        var outDir = Path.Combine(folder.Path, "documents");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");

        var run = Tool.Run(SampleArgs(outDir));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("already holds files that are not a matching run", run.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }
}
