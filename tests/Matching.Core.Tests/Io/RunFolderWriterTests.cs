using System.Collections.Immutable;
using System.Text.Json;
using Matching.Io;
using Matching.Model;
using Matching.Rules;
using Matching.Tests.Support;

namespace Matching.Core.Tests.Io;

public sealed class RunFolderWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static readonly MatchingProblem Problem = new()
    {
        Children =
        [
            new Child { Id = "C1", DateOfBirth = new DateOnly(2019, 1, 1), PlacementType = PlacementType.Foster },
            new Child { Id = "C2", DateOfBirth = new DateOnly(2020, 1, 1), PlacementType = PlacementType.Foster },
        ],
        Carers = [new Carer { Id = "K1", Location = new Location(53.8, -1.75), Approval = Approval.Foster, Places = 1 }],
        BatchDate = new DateOnly(2026, 11, 23),
        Settings = MatchingSettings.Default with { DisabledHardRules = ImmutableSortedSet.Create(StringComparer.Ordinal, "smoke_free") },
    };

    private static readonly MatchingResult Result = new()
    {
        Status = SolveStatus.Optimal,
        Proposals =
        [
            new Proposal
            {
                ChildId = "C1", SiblingGroup = "C1", CarerId = "K1", ContactMiles = 12.25, Score = -3.456m, Pinned = true,
                Scores = [new RuleScore("travel_burden", -3.456m, 3.456), new RuleScore("cost", 0m, 0)],
                Flags = ["pinned", "over 20 miles from home <needs director's agreement>"],
            },
        ],
        Unmatched =
        [
            new UnmatchedChild
            {
                ChildId = "C2", SiblingGroup = "C2", EligibleCarers = 0, Reason = "No carer has a free place, so \"C2\" waits.",
                Blocking = [new RuleExclusion("capacity", 1), new RuleExclusion("age_range", 1)],
            },
        ],
        Shortlists = [new ShortlistEntry { ChildId = "C1", Rank = 1, CarerId = "K1", Score = -3.456m, CostIfChosen = 0m, ContactMiles = 12.25, Notes = "proposed" }],
        ChildrenPlaced = 1,
        Score = -3.456m,
        ScoreBound = -3.456m,
        Gap = 0,
        DisabledHardRules = ["smoke_free"],
        Statistics = new SolveStatistics
        {
            Children = 2, Carers = 1, Groups = 2,
            PhaseMilliseconds = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("solve", 12.34)]),
        },
    };

    private static readonly RunInfo Info = new()
    {
        Tool = "matching 0.1.0",
        Seed = 7,
        TimeLimit = TimeSpan.FromSeconds(30),
        Inputs = [new InputFile("children", "children.csv", "ab12")],
    };

    private string Text(string run, string file) => File.ReadAllText(Path.Combine(run, file));

    [Fact]
    public void Write_Result_WritesTheContractColumnsWithInvariantNumbers()
    {
        var run = folder.File("week47");

        RunFolderWriter.Write(run, Problem, Result, Info);

        var soft = string.Join(',', RuleCatalogue.Soft.Select(r => r.Id));
        var zeros = string.Join(',', RuleCatalogue.Soft.Select(r => r.Id == "travel_burden" ? "-3.46" : "0.00"));
        Assert.Equal($"child_id,sibling_group,carer_id,contact_miles,score,pinned,{soft}\nC1,C1,K1,12.3,-3.46,yes,{zeros}\n", Text(run, "matches.csv"));
        Assert.Equal(
            "child_id,sibling_group,eligible_carers,reason,blocking\nC2,C2,0,\"No carer has a free place, so \"\"C2\"\" waits.\",capacity:1;age_range:1\n",
            Text(run, "unmatched.csv"));
        Assert.Equal("child_id,rank,carer_id,score,cost_if_chosen,contact_miles,notes\nC1,1,K1,-3.46,0.00,12.3,proposed\n", Text(run, "shortlist.csv"));
        Assert.Equal(RunFolderWriter.FileNames.Order(StringComparer.Ordinal), Directory.GetFiles(run).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_RunJson_RecordsVersionsInputsSettingsStatusAndTimings()
    {
        var run = folder.File("out");

        RunFolderWriter.Write(run, Problem, Result, Info);

        using var json = JsonDocument.Parse(Text(run, "run.json"));
        var root = json.RootElement;
        Assert.Equal("matching 0.1.0", root.GetProperty("tool").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("or_tools").GetString());
        Assert.Equal("2026-11-23", root.GetProperty("batch_date").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal("ab12", root.GetProperty("inputs").GetProperty("children").GetProperty("sha256").GetString());
        Assert.Equal(10, root.GetProperty("settings").GetProperty("weights").GetProperty("ethnicity").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("settings").GetProperty("parameters").GetProperty("contact_distance.foster_miles").ValueKind);
        Assert.Equal("smoke_free", root.GetProperty("settings").GetProperty("disabled_hard_rules")[0].GetString());
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("children_placed").GetInt32());
        Assert.Equal(-3.456m, root.GetProperty("objective").GetDecimal());
        Assert.Equal(-3.456m, root.GetProperty("bound").GetDecimal());
        Assert.Equal(0, root.GetProperty("gap").GetDouble());
        Assert.Equal(12.3, root.GetProperty("timings_ms").GetProperty("solve").GetDouble());
        Assert.Equal(2, root.GetProperty("counts").GetProperty("sibling_groups").GetInt32());
    }

    [Fact]
    public void Write_Report_IsSelfContainedEscapedAndEchoesDisabledRules()
    {
        var run = folder.File("out");

        RunFolderWriter.Write(run, Problem, Result, Info);

        var html = Text(run, "report.html");
        Assert.Contains("<td>C1</td><td>C1</td><td>K1</td><td>12.3</td>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;needs director&#39;s agreement&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Hard rules switched off in the settings for this run: smoke_free", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_Twice_ReplacesTheRunWithIdenticalBytesAndLeavesNoTemporaryFolders()
    {
        var run = folder.File("out");
        RunFolderWriter.Write(run, Problem, Result, Info);
        var first = RunFolderWriter.FileNames.Select(f => File.ReadAllBytes(Path.Combine(run, f))).ToArray();

        RunFolderWriter.Write(run, Problem, Result, Info);

        Assert.Equal(first, RunFolderWriter.FileNames.Select(f => File.ReadAllBytes(Path.Combine(run, f))));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_FolderWithOtherFiles_IsRefusedAndLeftAlone()
    {
        var run = folder.File("documents");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "letter.docx"), "keep me");

        Assert.False(RunFolderWriter.CanWriteTo(run));
        Assert.Throws<IOException>(() => RunFolderWriter.Write(run, Problem, Result, Info));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(run, "letter.docx")));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_FailingHalfway_LeavesTheEarlierRunWholeAndNoTemporaryFolder()
    {
        var run = folder.File("out");
        RunFolderWriter.Write(run, Problem, Result, Info);
        var before = RunFolderWriter.FileNames.Select(f => File.ReadAllBytes(Path.Combine(run, f))).ToArray();

        // An uninitialised list of shortlists makes the writer fail after matches.csv and unmatched.csv are written.
        var broken = Result with { Shortlists = default };
        Assert.ThrowsAny<Exception>(() => RunFolderWriter.Write(run, Problem, broken, Info));

        Assert.Equal(before, RunFolderWriter.FileNames.Select(f => File.ReadAllBytes(Path.Combine(run, f))));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }
}
