using System.Text.RegularExpressions;
using Matching.Explain.Report;
using Matching.Model;

namespace Matching.Core.Tests.Explain;

/// <summary>The panel report's cells, from a solved batch (its rendering in a browser: PanelReportBrowserTests).</summary>
public sealed partial class PanelReportTests
{
    private static readonly DateOnly Date = new(2026, 11, 23);
    private static readonly Location Venue = new(52.2, 0.12);

    [Fact]
    public void Render_ChildWithNoContactVenue_SaysSoWhereTheMilesWouldBe()
    {
        // An adoption with no contact venue beside a fostering placement with one, 3.5 miles away.
        Child[] children =
        [
            new() { Id = "C1", DateOfBirth = Date.AddYears(-3), PlacementType = PlacementType.Adoption },
            new() { Id = "C2", DateOfBirth = Date.AddYears(-8), PlacementType = PlacementType.Foster, Contact = Venue, ContactPerWeek = 1 },
        ];
        Carer[] carers =
        [
            new() { Id = "K1", Location = Venue, Approval = Approval.Adopter, Places = 1 },
            new() { Id = "K2", Location = new Location(52.2 + (3.5 / 69.05), 0.12), Approval = Approval.Foster, Places = 1 },
        ];
        var problem = new MatchingProblem { Children = [.. children], Carers = [.. carers], BatchDate = Date };
        var result = new MatchingEngine().Solve(problem, new SolveOptions { Threads = 1 });
        Assert.Equal(2, result.Proposals.Length);
        Assert.Null(result.Proposals.Single(p => p.ChildId == "C1").ContactMiles);

        var html = PanelReport.Render(problem, result);

        var adoption = Row().Match(html[html.IndexOf("id=\"proposal-C1\"", StringComparison.Ordinal)..]).Value;
        var fostering = Row().Match(html[html.IndexOf("id=\"proposal-C2\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains($"<span class=\"muted\">{PanelReport.NoContactVenue}</span>", adoption, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelReport.NoContactVenue, fostering, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3.5</td>", fostering, StringComparison.Ordinal);

        // The shortlist rows say the same: every row of C1's says it, none of C2's.
        var shortlist = html[html.IndexOf("<tr class=\"shortlist\"", StringComparison.Ordinal)..];
        var rows = ShortlistRow().Matches(shortlist).Select(m => m.Value).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows.Where(r => r.Contains(">C1<", StringComparison.Ordinal)), r => Assert.Contains(PanelReport.NoContactVenue, r, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Contains(">C2<", StringComparison.Ordinal)), r => Assert.DoesNotContain(PanelReport.NoContactVenue, r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(">C1<", StringComparison.Ordinal));
    }

    [GeneratedRegex("^.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<tr class=\"shortlist\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ShortlistRow();
}
