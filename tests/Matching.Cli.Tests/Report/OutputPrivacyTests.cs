using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Matching.Cli.Tests.Support;
using Matching.Io;
using Matching.Tests.Support;

namespace Matching.Cli.Tests.Report;

/// <summary>
/// No output ever carries a postcode of a carer, a birth family, a school or a place to avoid: every file of the run
/// folder, the solve summary and every child's explain story are scanned for every input postcode, in any spacing
/// or case.
/// </summary>
public sealed class OutputPrivacyTests : IDisposable
{
    private static readonly string[] PostcodeColumns = ["contact_postcode", "home_postcode", "school_postcode", "postcode"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Samples => ["concurrent-planning-week", "fostering-week-siblings", "some-children-unplaced"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Outputs_OfEverySample_ContainNoInputPostcode(string sample)
    {
        var children = Golden.Sample(sample + "/children.csv");
        var carers = Golden.Sample(sample + "/carers.csv");
        var postcodes = Postcodes(children).Concat(Postcodes(carers)).Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(postcodes.Length >= 5, $"{sample} has only {postcodes.Length} postcodes");
        var args = new List<string> { "solve", "--children", children, "--carers", carers, "--as-of", "2026-11-23", "--out", Path.Combine(folder.Path, "run") };
        foreach (var optional in new[] { "pins", "settings" })
        {
            var path = Golden.Sample(sample + "/" + optional + (optional == "pins" ? ".csv" : ".json"));
            if (File.Exists(path))
            {
                args.AddRange(["--" + optional, path]);
            }
        }

        var solve = Tool.Run([.. args]);
        Assert.Equal(ExitCodes.Ok, solve.ExitCode);

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = solve.Out + solve.Error };
        foreach (var file in RunFolderWriter.FileNames)
        {
            outputs[file] = File.ReadAllText(Path.Combine(folder.Path, "run", file));
        }

        foreach (var line in File.ReadAllLines(children).Skip(1))
        {
            var child = line.Split(',')[0];
            var story = Tool.Run("explain", "--run", Path.Combine(folder.Path, "run"), "--child", child);
            outputs["explain " + child] = story.Out + story.Error;
        }

        foreach (var postcode in postcodes)
        {
            var pattern = AnySpacing(postcode);
            foreach (var (name, text) in outputs)
            {
                Assert.False(pattern.IsMatch(text), $"{name} contains the input postcode {postcode}");
            }
        }
    }

    [Fact]
    public void AnySpacing_FindsAPostcodeWrittenAnyWay_ButNotInsideLongerCodes()
    {
        var pattern = AnySpacing("CB1 2AB");
        Assert.Matches(pattern, "near cb12ab today");
        Assert.Matches(pattern, "(CB1  2 AB)");
        Assert.DoesNotMatch(pattern, "XCB12ABX");
        Assert.DoesNotMatch(pattern, "CB1 2AC");
    }

    /// <summary>Every postcode in the file's postcode columns and its avoid locations (not lat,lon pairs).</summary>
    private static IEnumerable<string> Postcodes(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var found = new List<string>();
        while (csv.Read())
        {
            foreach (var column in PostcodeColumns.Where(header.Contains))
            {
                found.Add(csv.GetField(column) ?? "");
            }

            if (header.Contains("avoid"))
            {
                foreach (var zone in (csv.GetField("avoid") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var location = zone[..Math.Max(0, zone.LastIndexOf(':'))];
                    if (!location.Contains(',', StringComparison.Ordinal))
                    {
                        found.Add(location);
                    }
                }
            }
        }

        return found.Select(p => p.Trim()).Where(p => p.Length > 0);
    }

    /// <summary>The postcode with any whitespace (or none) between its characters, any case, not inside a longer code.</summary>
    private static Regex AnySpacing(string postcode)
    {
        var chars = postcode.Where(c => !char.IsWhiteSpace(c)).Select(c => Regex.Escape(c.ToString()));
        return new Regex("(?<![A-Za-z0-9])" + string.Join(@"\s*", chars) + "(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }
}
