using System.Text;
using Matching.Io;
using Matching.Model;
using Matching.Tests.Support;

namespace Matching.Core.Tests.Io;

public sealed class BatchReaderTests : IDisposable
{
    private static readonly DateOnly BatchDate = new(2026, 11, 23);
    private readonly TempFolder folder = new();

    private const string Carers = "carer_id,postcode,approval,places\nK1,LS6 1,foster;concurrent,2\nK2,BD3 9,adopter,1\n";

    public void Dispose() => folder.Dispose();

    private BatchReadResult Read(string children, string carers = Carers, string? pins = null, string? previous = null, string? settings = null) =>
        BatchReader.Read(
            new BatchFiles
            {
                Children = folder.Write("children.csv", children),
                Carers = folder.Write("carers.csv", carers),
                Pins = pins is null ? null : folder.Write("pins.csv", pins),
                Previous = previous is null ? null : folder.Write("matches.csv", previous),
                Settings = settings is null ? null : folder.Write("settings.json", settings),
            },
            BatchDate);

    private static string[] Messages(BatchReadResult read) => [.. read.Issues.Select(i => i.ToString())];

    [Fact]
    public void Read_FullChildRowWithBomAndQuotedLists_ReadsEveryField()
    {
        var path = folder.File("children.csv");
        File.WriteAllText(path,
            "child_id,sibling_group,siblings,dob,sex,ethnicity,religion,languages,needs,placement_type,contact_postcode,contact_per_week,home_postcode,school_postcode,avoid,entered_care,needed_by,excluded_carers\n" +
            "C1,G1,may_split,03/02/2019,2,mwbc,Muslim,\"Urdu; English\",asthma;glue_ear,FOSTER,ls6 1ab,1.5,BD3,LS6 1,\"53.8,-1.75:5;BD1 1:2\",2026-01-31,01/12/2026,K2\n" +
            "C2,G1,may_split,2020-05-06,1,,,,,foster,,,,,,,,\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var read = BatchReader.Read(new BatchFiles { Children = path, Carers = folder.Write("carers.csv", Carers) }, BatchDate);

        Assert.Empty(read.Issues);
        var c = read.Problem!.Children[0];
        Assert.Equal("C1", c.Id);
        Assert.Equal("G1", c.SiblingGroup);
        Assert.Equal(SiblingRule.MaySplit, c.Siblings);
        Assert.Equal(new DateOnly(2019, 2, 3), c.DateOfBirth);
        Assert.Equal(Sex.Female, c.Sex);
        Assert.Equal("MWBC", c.Ethnicity);
        Assert.Equal(["Urdu", "English"], c.Languages.ToArray());
        Assert.Equal(["asthma", "glue_ear"], c.Needs.ToArray());
        Assert.Equal(PlacementType.Foster, c.PlacementType);
        Assert.Equal(1.5, c.ContactPerWeek);
        Assert.NotNull(c.Contact);
        Assert.NotNull(c.Home);
        Assert.NotNull(c.School);
        Assert.Equal(2, c.Avoid.Length);
        Assert.Equal(new Location(53.8, -1.75), c.Avoid[0].Location);
        Assert.Equal(5, c.Avoid[0].Miles);
        Assert.Equal(2, c.Avoid[1].Miles);
        Assert.Equal(new DateOnly(2026, 1, 31), c.EnteredCare);
        Assert.Equal(new DateOnly(2026, 12, 1), c.NeededBy);
        Assert.Equal(["K2"], c.ExcludedCarers.ToArray());
        Assert.Equal(Sex.Male, read.Problem.Children[1].Sex);
    }

    [Fact]
    public void Read_CoordinatesGiven_OverridePostcode()
    {
        var read = Read(
            "child_id,dob,placement_type,contact_postcode,contact_lat,contact_lon\nC1,2019-01-01,foster,LS6 1,51.5,-0.12\n",
            "carer_id,postcode,lat,lon,approval,places\nK1,LS6 1,52.25,0.5,foster,1\n");

        Assert.Empty(read.Issues);
        Assert.Equal(new Location(51.5, -0.12), read.Problem!.Children[0].Contact);
        Assert.Equal(new Location(52.25, 0.5), read.Problem.Carers[0].Location);
    }

    [Fact]
    public void Read_CarerRow_ReadsEveryField()
    {
        var read = Read(
            "child_id,dob,placement_type\nC1,2019-01-01,foster\n",
            "carer_id,postcode,approval,places,placed,age_min,age_max,sexes,max_group,ethnicity,religion,languages,can_meet,smoker,available_from,available_until,agency,weekly_cost\n" +
            "K1,CB1 2,Foster;Concurrent,3,1,2,12,F;M,2,WBRI;bcrb,None,English,asthma,Y,2026-11-01,31/03/2027,ifa,812.5\n");

        Assert.Empty(read.Issues);
        var k = read.Problem!.Carers[0];
        Assert.Equal(Approval.Foster | Approval.Concurrent, k.Approval);
        Assert.Equal((3, 1, 2, 12, 2), (k.Places, k.Placed, k.AgeMin, k.AgeMax, k.MaxGroup));
        Assert.Equal([Sex.Male, Sex.Female], k.Sexes.ToArray());
        Assert.Equal(["WBRI", "BCRB"], k.Ethnicities.ToArray());
        Assert.True(k.Smoker);
        Assert.Equal(new DateOnly(2027, 3, 31), k.AvailableUntil);
        Assert.Equal(Agency.Ifa, k.Agency);
        Assert.Equal(812.5m, k.WeeklyCost);
    }

    [Fact]
    public void Read_BlankLineInCsv_RowNumbersMatchTheSpreadsheet()
    {
        var read = Read("child_id,dob,placement_type\nC1,2019-01-01,foster\n\nC2,not a date,foster\n");

        Assert.Equal(["children.csv:4:dob: 'not a date' is not a date; write YYYY-MM-DD or DD/MM/YYYY"], Messages(read));
        Assert.Null(read.Problem);
    }

    [Fact]
    public void Read_QuotedCellWithLineBreak_CountsOneSpreadsheetRow()
    {
        var read = Read("child_id,dob,placement_type,needs\nC1,2019-01-01,foster,\"a;\nb\"\nC2,2019-01-01,fostr,\n");

        Assert.Equal(["children.csv:3:placement_type: 'fostr' is not known; write concurrent, ffa, adoption or foster"], Messages(read));
    }

    [Fact]
    public void Read_MissingRequiredColumns_ReportsEachOnTheHeaderRow()
    {
        var read = Read("child_id,sex\nC1,F\n", "carer_id,approval\nK1,foster\n");

        Assert.Equal(
        [
            "children.csv:1:dob: required column is missing (column names go in the first row)",
            "children.csv:1:placement_type: required column is missing (column names go in the first row)",
            "carers.csv:1:places: required column is missing (column names go in the first row)",
            "carers.csv:1:postcode: required column is missing (give postcode, or lat and lon)",
        ], read.Issues.Where(i => i.Row == 1).Select(i => i.ToString()));
    }

    [Fact]
    public void Read_UnknownIdsInPinsAndExclusions_ReportedWhereTheyAreWritten()
    {
        var read = Read(
            "child_id,dob,placement_type,excluded_carers\nC1,2019-01-01,foster,K1;K9\n",
            pins: "child_id,carer_id\nC1,K7\nC8,K1\nC1,K2\n");

        Assert.Equal(
        [
            "children.csv:2:excluded_carers: carer 'K9' is not in carers.csv",
            "pins.csv:2:carer_id: carer 'K7' is not in carers.csv",
            "pins.csv:3:child_id: child 'C8' is not in children.csv",
            "pins.csv:4:child_id: 'C1' is also on row 2; a child can be linked to one carer only",
        ], Messages(read));
    }

    [Fact]
    public void Read_PreviousMatchesNamingChildrenWhoLeft_AreDroppedQuietly()
    {
        var read = Read(
            "child_id,dob,placement_type\nC1,2019-01-01,foster\n",
            previous: "child_id,sibling_group,carer_id,score\nC1,C1,K1,-3.5\nC0,C0,K2,-1\nC1x,C1x,K9,0\n");

        Assert.Empty(read.Issues);
        Assert.Equal([new PreviousMatch("C1", "K1")], read.Problem!.Previous.ToArray());
    }

    [Fact]
    public void Read_SiblingGroupWithMixedRules_IsAnError()
    {
        var read = Read("child_id,sibling_group,siblings,dob,placement_type\nC1,G,together,2019-01-01,foster\nC2,G,may_split,2019-01-01,foster\n");

        Assert.Equal(
            ["children.csv:3:siblings: sibling group 'G' is may_split here but together on row 2; every child of a group needs the same value"],
            Messages(read));
    }

    [Fact]
    public void Read_ConcurrentChildWithoutContactVenue_WarnsButStillReads()
    {
        var read = Read("child_id,dob,placement_type\nC1,2026-01-01,concurrent\n");

        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("children.csv:2:contact_postcode: warning: no contact venue: contact travel cannot be checked or scored for this child", issue.ToString());
        Assert.NotNull(read.Problem);
    }

    [Fact]
    public void Read_MissingFile_IsAnErrorNotAnException()
    {
        var read = BatchReader.Read(new BatchFiles { Children = folder.File("none.csv"), Carers = folder.Write("carers.csv", Carers) }, BatchDate);

        Assert.Equal(["none.csv:0:: file not found"], Messages(read));
        Assert.Null(read.Problem);
    }

    [Fact]
    public void Read_Inputs_FingerprintedWithSha256()
    {
        var read = Read("child_id,dob,placement_type\nC1,2019-01-01,foster\n");

        var children = read.Inputs.Single(i => i.Role == "children");
        Assert.Equal("children.csv", children.FileName);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(folder.File("children.csv")))),
            children.Sha256);
    }

    [Fact]
    public void Read_ProblemChildrenAndCarers_SortedById()
    {
        var read = Read("child_id,dob,placement_type\nC2,2019-01-01,foster\nC10,2019-01-01,foster\nC1,2019-01-01,foster\n");

        Assert.Equal(["C1", "C10", "C2"], read.Problem!.Children.Select(c => c.Id));
        Assert.Equal(BatchDate, read.Problem.BatchDate);
    }

    [Fact]
    public void Read_SemicolonSeparatedCsv_SaysHowToSaveIt()
    {
        var read = Read("child_id;dob;placement_type\nC1;2019-01-01;foster\n");

        Assert.Equal(["children.csv:1:: the columns are separated by semicolons; save the file as CSV UTF-8 (comma delimited)"], Messages(read));
    }
}
