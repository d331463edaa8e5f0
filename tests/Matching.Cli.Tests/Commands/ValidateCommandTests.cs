using Matching.Cli.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Validate_RowMistakes_ListsEveryProblemAndExitsTwo(string culture)
    {
        var run = Tool.RunIn(
            culture, "validate",
            "--children", Golden.Input("bad-rows/children.csv"), "--carers", Golden.Input("bad-rows/carers.csv"),
            "--pins", Golden.Input("bad-rows/pins.csv"), "--settings", Golden.Input("bad-rows/settings.json"), "--as-of", "2026-11-23");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Error);
        Golden.Check("validate-bad-rows.txt", run.Out);
    }

    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Validate_WrongColumnsBrokenJsonMissingFile_ListsEveryProblemAndExitsTwo(string culture)
    {
        var run = Tool.RunIn(
            culture, "validate",
            "--children", Golden.Input("bad-structure/children.csv"), "--carers", Golden.Input("bad-structure/carers.csv"),
            "--pins", Golden.Input("bad-structure/pins.csv"), "--previous", Golden.Input("bad-structure/none.csv"),
            "--settings", Golden.Input("bad-structure/settings.json"), "--as-of", "2026-11-23");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Golden.Check("validate-bad-structure.txt", run.Out);
    }

    [Theory]
    [MemberData(nameof(Tool.Cultures), MemberType = typeof(Tool))]
    public void Validate_EmptyFilesWorkbooksAndMistypedSettings_ListsEveryProblemAndExitsTwo(string culture)
    {
        using var folder = new Matching.Tests.Support.TempFolder();
        MiniExcelLibs.MiniExcel.SaveAs(folder.File("children.xlsx"), new Dictionary<string, object> { ["children"] = Array.Empty<Dictionary<string, object>>() });
        MiniExcelLibs.MiniExcel.SaveAs(folder.File("carers.xlsx"), new Dictionary<string, object>
        {
            ["Sheet1"] = new[] { new Dictionary<string, object> { ["carer_id"] = "K1" } },
        });
        var pins = folder.Write("pins.csv", "");
        var settings = folder.Write("settings.json", """
            {
              "version": 1,
              "version": 1,
              "weights": [ 1 ],
              "parameters": { "cost.agency_extra": "high" },
              "disabled_hard_rules": [ 11 ],
              "detour_factor": "big"
            }
            """);

        var run = Tool.RunIn(
            culture, "validate", "--children", folder.File("children.xlsx"), "--carers", folder.File("carers.xlsx"),
            "--pins", pins, "--settings", settings, "--as-of", "2026-11-23");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Golden.Check("validate-bad-files.txt", run.Out);
    }

    [Fact]
    public void Validate_Sample_SaysValidAndExitsZero()
    {
        var run = Tool.Run(
            "validate", "--children", Golden.Sample("concurrent-planning-week/children.csv"),
            "--carers", Golden.Sample("concurrent-planning-week/carers.csv"), "--pins", Golden.Sample("concurrent-planning-week/pins.csv"),
            "--as-of", "2026-11-23");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("The batch is valid: 12 children, 10 carers, 1 pin, 0 warnings.\n", run.Out);
    }

    [Fact]
    public void Validate_WithoutAsOf_TakesTheBatchDateFromTheClock()
    {
        // A child born on the clock's date is fine; one born the next day is not yet born.
        using var folder = new Matching.Tests.Support.TempFolder();
        var children = folder.Write("children.csv", "child_id,dob,placement_type\nC1,2026-11-23,foster\nC2,2026-11-24,foster\n");
        var carers = folder.Write("carers.csv", "carer_id,postcode,approval,places\nK1,LS6 1,foster,1\n");

        var run = Tool.Run("validate", "--children", children, "--carers", carers);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("children.csv:3:dob: 2026-11-24 is after the date the placement is needed (2026-11-23)\n", run.Out, StringComparison.Ordinal);
    }
}
