using System.Net;
using System.Text;
using Matching.Model;

namespace Matching.Io;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page for the matching panel (summary, proposals with reasons,
/// unmatched children with reasons, shortlists). No scripts, no external resources, no postcodes.
/// </summary>
internal static class ReportHtmlWriter
{
    public static string ToHtml(MatchingProblem problem, MatchingResult result)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Matching proposals, batch ")
            .Append(OutputFormat.Date(problem.BatchDate)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}")
            .Append(".warn{background:#fff3cd;padding:.5em;border:1px solid #c90}\n</style>\n</head>\n<body>\n");
        h.Append("<h1>Matching proposals, batch ").Append(OutputFormat.Date(problem.BatchDate)).Append("</h1>\n");
        h.Append("<p>These are proposals for the matching panel to consider. People decide; every proposal and every child ")
            .Append("left unmatched carries its reasons.</p>\n");
        h.Append("<h2>Summary</h2>\n<ul>\n")
            .Append("<li>Children in the batch: ").Append(problem.Children.Length).Append("</li>\n")
            .Append("<li>Children placed: ").Append(result.ChildrenPlaced).Append("</li>\n")
            .Append("<li>Children unmatched: ").Append(result.Unmatched.Length).Append("</li>\n")
            .Append("<li>Carer households: ").Append(problem.Carers.Length).Append("</li>\n")
            .Append("<li>Status: ").Append(RunJsonWriter.StatusText(result.Status)).Append("</li>\n")
            .Append("<li>Total score: ").Append(OutputFormat.Points(result.Score)).Append("</li>\n</ul>\n");
        if (!result.DisabledHardRules.IsEmpty)
        {
            h.Append("<p class=\"warn\">Hard rules switched off in the settings for this run: ")
                .Append(E(string.Join(", ", result.DisabledHardRules))).Append("</p>\n");
        }

        if (!result.PinConflicts.IsEmpty)
        {
            h.Append("<h2>Pin conflicts</h2>\n<ul>\n");
            foreach (var c in result.PinConflicts)
            {
                h.Append("<li>").Append(E(c)).Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("<h2>Proposals</h2>\n");
        Table(h, ["Child", "Sibling group", "Carer", "Contact miles", "Score", "Pinned", "Notes for the panel"], result.Proposals.Select(p => new[]
        {
            p.ChildId, p.SiblingGroup, p.CarerId, OutputFormat.Miles(p.ContactMiles), OutputFormat.Points(p.Score),
            OutputFormat.YesNo(p.Pinned), string.Join("; ", p.Flags),
        }));
        h.Append("<h2>Children not placed</h2>\n");
        Table(h, ["Child", "Sibling group", "Eligible carers", "Reason", "Carers excluded by each rule"], result.Unmatched.Select(u => new[]
        {
            u.ChildId, u.SiblingGroup, OutputFormat.Int(u.EligibleCarers), u.Reason,
            string.Join(", ", u.Blocking.Select(b => b.RuleId + ": " + OutputFormat.Int(b.CarersExcluded))),
        }));
        h.Append("<h2>Shortlists</h2>\n");
        Table(h, ["Child", "Rank", "Carer", "Score", "Cost if chosen", "Contact miles", "Notes"], result.Shortlists.Select(s => new[]
        {
            s.ChildId, OutputFormat.Int(s.Rank), s.CarerId, OutputFormat.Points(s.Score), OutputFormat.Points(s.CostIfChosen),
            OutputFormat.Miles(s.ContactMiles), s.Notes,
        }));
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static void Table(StringBuilder h, string[] header, IEnumerable<string[]> rows)
    {
        var any = false;
        foreach (var row in rows)
        {
            if (!any)
            {
                h.Append("<table>\n<tr>");
                foreach (var name in header)
                {
                    h.Append("<th>").Append(E(name)).Append("</th>");
                }

                h.Append("</tr>\n");
                any = true;
            }

            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append(any ? "</table>\n" : "<p>None.</p>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
