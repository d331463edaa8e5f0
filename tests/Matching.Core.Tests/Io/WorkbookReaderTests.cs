using Matching.Io;
using Matching.Model;
using Matching.Tests.Support;
using MiniExcelLibs;

namespace Matching.Core.Tests.Io;

public sealed class WorkbookReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Workbook(Dictionary<string, object> sheets)
    {
        var path = folder.File("batch.xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    private static Dictionary<string, object>[] Rows(params Dictionary<string, object>[] rows) => rows;

    private static Dictionary<string, object> Row(params (string Column, object Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);

    [Fact]
    public void Read_WorkbookWithExcelDatesAndNumbers_ReadsBothSheets()
    {
        var path = Workbook(new()
        {
            ["children"] = Rows(
                Row(("child_id", "C1"), ("dob", new DateTime(2019, 2, 3)), ("placement_type", "foster"), ("contact_per_week", 2.5), ("contact_postcode", "LS6 1")),
                Row(("child_id", "C2"), ("dob", "01/12/2020"), ("placement_type", "adoption"), ("contact_per_week", 0), ("contact_postcode", ""))),
            ["carers"] = Rows(
                Row(("carer_id", "K1"), ("postcode", "BD3 9"), ("approval", "foster"), ("places", 2), ("weekly_cost", 455.25))),
        });

        var read = BatchReader.Read(new BatchFiles { Children = path, Carers = path }, new DateOnly(2026, 11, 23));

        Assert.Empty(read.Issues);
        var children = read.Problem!.Children;
        Assert.Equal(new DateOnly(2019, 2, 3), children[0].DateOfBirth);
        Assert.Equal(2.5, children[0].ContactPerWeek);
        Assert.Equal(new DateOnly(2020, 12, 1), children[1].DateOfBirth);
        Assert.Equal(PlacementType.Adoption, children[1].PlacementType);
        Assert.Equal(2, read.Problem.Carers[0].Places);
        Assert.Equal(455.25m, read.Problem.Carers[0].WeeklyCost);
    }

    [Fact]
    public void Read_WorkbookError_NamesTheSheetAndSpreadsheetRow()
    {
        var path = Workbook(new()
        {
            ["children"] = Rows(
                Row(("child_id", "C1"), ("dob", "2019-02-03"), ("placement_type", "foster")),
                Row(("child_id", "C2"), ("dob", "2019-02-03"), ("placement_type", "fostering"))),
            ["carers"] = Rows(Row(("carer_id", "K1"), ("postcode", "BD3 9"), ("approval", "foster"), ("places", 1.5))),
        });

        var read = BatchReader.Read(new BatchFiles { Children = path, Carers = path }, new DateOnly(2026, 11, 23));

        Assert.Equal(
        [
            "batch.xlsx[children]:3:placement_type: 'fostering' is not known; write concurrent, ffa, adoption or foster",
            "batch.xlsx[carers]:2:places: '1.5' is not a whole number",
        ], read.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Read_WorkbookWithoutTheSheet_SaysWhichSheetsItHas()
    {
        var path = Workbook(new() { ["Sheet1"] = Rows(Row(("child_id", "C1"))) });

        var read = BatchReader.Read(new BatchFiles { Children = path, Carers = path }, new DateOnly(2026, 11, 23));

        Assert.Contains("batch.xlsx:0:: the workbook has no sheet named 'children' (it has: Sheet1)", read.Issues.Select(i => i.ToString()));
        Assert.Null(read.Problem);
    }
}
