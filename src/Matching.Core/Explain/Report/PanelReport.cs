using System.Globalization;
using System.Net;
using System.Text;
using Matching.Io;
using Matching.Model;
using Matching.Rules;

namespace Matching.Explain.Report;

/// <summary>
/// Renders <c>report.html</c> for the matching panel: one self-contained, printable page (no scripts, no external
/// resources) with the summary, every proposal with its reasons, every child left unmatched with the reasons and
/// what it would take, and the shortlists. Built for reading aloud and printing: real headings, table captions and
/// column headers, dark text on white. It carries ids, distances and reasons, never a postcode or an address.
/// </summary>
internal static class PanelReport
{
    /// <summary>What the contact miles cell says for a child with no contact venue.</summary>
    internal const string NoContactVenue = "no contact venue";

    private const string Style = """
        :root{color:#1a1a1a;background:#fff}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.45;margin:1.5rem auto;max-width:78rem;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1a1a1a}
        table{border-collapse:collapse;width:100%;margin:.8rem 0 1.5rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #6b6b6b;padding:.35rem .55rem;text-align:left;vertical-align:top}
        thead th{background:#e6e6e6;color:#1a1a1a}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        ul,ol{margin:0;padding-left:1.2rem}.flag{font-weight:600;color:#7a2e00}
        .notice{border:2px solid #7a2e00;background:#fff6ec;padding:.6rem .9rem;font-weight:600}.muted{color:#4a4a4a}
        nav ul{display:flex;flex-wrap:wrap;gap:1.2rem;list-style:none;padding:0}a{color:#0b4a8b}
        dl.summary{display:grid;grid-template-columns:max-content auto;gap:.25rem 1.2rem}dl.summary dt{font-weight:600}dl.summary dd{margin:0}
        @media print{body{max-width:none;margin:0;font-size:10pt}nav{display:none}thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
        """;

    /// <summary>The whole page.</summary>
    public static string Render(MatchingProblem problem, MatchingResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var h = new StringBuilder();
        var date = OutputFormat.Date(problem.BatchDate);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Matching proposals for the panel, batch ").Append(date).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>Matching proposals for the panel, batch ").Append(date).Append("</h1>\n")
            .Append("<p>These are proposals for the matching panel to consider; people decide. Every proposal and every child ")
            .Append("left unmatched carries its reasons. This page holds ids, distances and reasons only: no names, postcodes or addresses.</p>\n")
            .Append("<nav aria-label=\"Contents\"><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#proposals\">Proposals</a></li>")
            .Append("<li><a href=\"#unmatched\">Children not placed</a></li><li><a href=\"#shortlists\">Shortlists</a></li>")
            .Append("<li><a href=\"#scoring\">How scores are made</a></li></ul></nav>\n</header>\n<main>\n");
        Summary(h, problem, result);
        Proposals(h, result);
        Unmatched(h, result);
        Shortlists(h, result);
        Scoring(h, problem.Settings);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Summary(StringBuilder h, MatchingProblem problem, MatchingResult result)
    {
        h.Append("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"summary\">\n");
        Item(h, "Children in the batch", Int(problem.Children.Length), "count-children");
        Item(h, "Children placed", Int(result.ChildrenPlaced), "count-placed");
        Item(h, "Children not placed", Int(result.Unmatched.Length), "count-unmatched");
        Item(h, "Carer households", Int(problem.Carers.Length), "count-carers");
        Item(h, "Status", result.Status switch
        {
            SolveStatus.Optimal => "optimal: no plan places more children, and none of those scores better",
            SolveStatus.Feasible => "feasible: the best plan found in the time limit; a better one may exist"
                + (result.Gap is { } gap ? " (gap " + gap.ToString("0.#%", CultureInfo.InvariantCulture) + ")" : ""),
            SolveStatus.Infeasible => "infeasible: no plan keeps every hard rule and every pin",
            _ => "no plan was found within the time limit",
        }, "status");
        Item(h, "Total score", OutputFormat.Points(result.Score), "score");
        h.Append("</dl>\n");
        if (!result.DisabledHardRules.IsEmpty)
        {
            h.Append("<p class=\"notice\" role=\"note\">Hard rules switched off in the settings for this run: ")
                .Append(E(string.Join(", ", result.DisabledHardRules))).Append(". Proposals may break them.</p>\n");
        }

        if (!result.PinConflicts.IsEmpty)
        {
            h.Append("<h3>Pin conflicts (nothing was solved)</h3>\n<ul>\n");
            foreach (var c in result.PinConflicts)
            {
                h.Append("<li>").Append(E(c)).Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("</section>\n");
    }

    private static void Proposals(StringBuilder h, MatchingResult result)
    {
        if (!Open(
            h, "proposals", "Proposals", result.Proposals.IsEmpty, "No child is proposed a carer in this batch.",
            "Score by rule: each soft rule's contribution in points (negative: a cost). Flags are things the panel must see."))
        {
            return;
        }

        Head(h, "One row per child proposed a carer, in child id order", ["Child", "Sibling group", "Carer", "Contact miles", "Score", "Score by rule", "Flags for the panel"]);
        foreach (var p in result.Proposals)
        {
            h.Append("<tr class=\"proposal\" id=\"proposal-").Append(E(p.ChildId)).Append("\">");
            Cell(h, p.ChildId, header: true);
            Cell(h, p.SiblingGroup);
            Cell(h, p.CarerId);
            Miles(h, p.ContactMiles);
            Num(h, OutputFormat.Points(p.Score));
            h.Append("<td>");
            List(h, p.Scores.Where(s => s.Points != 0).Select(s => s.RuleId + " " + OutputFormat.Points(s.Points)), "ul", "none");
            h.Append("</td><td>");
            var flags = p.Pinned && !p.Flags.Any(f => f.StartsWith("pinned", StringComparison.Ordinal)) ? p.Flags.Add("pinned: an agreed link") : p.Flags;
            List(h, flags, "ul", "none", "flag");
            h.Append("</td></tr>\n");
        }

        Close(h);
    }

    private static void Unmatched(StringBuilder h, MatchingResult result)
    {
        if (!Open(
            h, "unmatched", "Children not placed", result.Unmatched.IsEmpty, "Every child in the batch is proposed a carer.",
            "Carers excluded: a cascade, the rule that ruled out the most carers first, each counted among the carers left. "
            + "What it would take: the smallest single changes that would give the child a carer."))
        {
            return;
        }

        Head(h, "One row per child not placed, in child id order", ["Child", "Sibling group", "Eligible carers", "Reason", "Carers excluded, by rule", "Eligible carers proposed for others", "What it would take"]);
        foreach (var u in result.Unmatched)
        {
            h.Append("<tr class=\"unmatched\" id=\"unmatched-").Append(E(u.ChildId)).Append("\">");
            Cell(h, u.ChildId, header: true);
            Cell(h, u.SiblingGroup);
            Num(h, Int(u.EligibleCarers));
            Cell(h, u.Reason);
            h.Append("<td>");
            List(h, u.Blocking.Select(b => RuleText.Describe(b.RuleId) + " (" + b.RuleId + "): " + Int(b.CarersExcluded)), "ol", "none");
            h.Append("</td><td>");
            List(h, u.TakenBy, "ul", "none");
            h.Append("</td><td>");
            List(h, u.WhatItWouldTake, "ul", "nothing known");
            h.Append("</td></tr>\n");
        }

        Close(h);
    }

    private static void Shortlists(StringBuilder h, MatchingResult result)
    {
        if (!Open(
            h, "shortlists", "Shortlists", result.Shortlists.IsEmpty, "No shortlists in this run.",
            "For each child, the best eligible carers ranked by cost if chosen: how much the whole batch's score "
            + "would fall if that carer were chosen and everything else re-optimised (0 for the proposal)."))
        {
            return;
        }

        Head(h, "Best eligible carers per child, ranked", ["Child", "Rank", "Carer", "Score", "Cost if chosen", "Contact miles", "Notes"]);
        foreach (var s in result.Shortlists)
        {
            h.Append("<tr class=\"shortlist\">");
            Cell(h, s.ChildId, header: true);
            Num(h, Int(s.Rank));
            Cell(h, s.CarerId);
            Num(h, OutputFormat.Points(s.Score));
            Num(h, OutputFormat.Points(s.CostIfChosen));
            Miles(h, s.ContactMiles);
            Cell(h, s.Notes);
            h.Append("</tr>\n");
        }

        Close(h);
    }

    private static void Scoring(StringBuilder h, MatchingSettings settings)
    {
        h.Append("<section id=\"scoring\" aria-labelledby=\"scoring-h\">\n<h2 id=\"scoring-h\">How scores are made</h2>\n")
            .Append("<p>First as many children as possible are placed; then, among those plans, the best total score. ")
            .Append("Hard rules are never broken. Soft rules weigh each proposal: weight times what the rule measures.</p>\n");
        Head(h, "Soft rules and the weights used in this run", ["Rule", "Weight", "What it weighs"]);
        foreach (var rule in RuleCatalogue.Soft)
        {
            h.Append("<tr>");
            Cell(h, rule.Id, header: true);
            Num(h, settings.WeightOf(rule.Id).ToString("0.###", CultureInfo.InvariantCulture));
            Cell(h, rule.Description);
            h.Append("</tr>\n");
        }

        Close(h);
    }

    /// <summary>Opens a section with its heading; when it has nothing to show, says so, closes it and returns false.</summary>
    private static bool Open(StringBuilder h, string id, string title, bool empty, string emptyText, string intro)
    {
        h.Append("<section id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-h\">\n<h2 id=\"")
            .Append(id).Append("-h\">").Append(E(title)).Append("</h2>\n");
        if (empty)
        {
            h.Append("<p>").Append(E(emptyText)).Append("</p>\n</section>\n");
            return false;
        }

        h.Append("<p class=\"muted\">").Append(E(intro)).Append("</p>\n");
        return true;
    }

    private static void Close(StringBuilder h) => h.Append("</tbody>\n</table>\n</section>\n");

    private static void Head(StringBuilder h, string caption, string[] columns)
    {
        h.Append("<table>\n<caption>").Append(E(caption)).Append("</caption>\n<thead><tr>");
        foreach (var c in columns)
        {
            h.Append("<th scope=\"col\">").Append(E(c)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
    }

    private static void Item(StringBuilder h, string term, string value, string id) =>
        h.Append("<dt>").Append(E(term)).Append("</dt><dd id=\"").Append(id).Append("\">").Append(E(value)).Append("</dd>\n");

    private static void Cell(StringBuilder h, string text, bool header = false) =>
        h.Append(header ? "<th scope=\"row\">" : "<td>").Append(E(text)).Append(header ? "</th>" : "</td>");

    private static void Num(StringBuilder h, string text) => h.Append("<td class=\"num\">").Append(E(text)).Append("</td>");

    /// <summary>A contact distance, or, for a child with no contact venue (no travel to contact to weigh), says so: a blank cell would read as missing.</summary>
    private static void Miles(StringBuilder h, double? miles)
    {
        if (miles is null)
        {
            h.Append("<td class=\"num\"><span class=\"muted\">").Append(NoContactVenue).Append("</span></td>");
            return;
        }

        Num(h, OutputFormat.Miles(miles));
    }

    private static void List(StringBuilder h, IEnumerable<string> items, string tag, string empty, string? cssClass = null)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            h.Append("<span class=\"muted\">").Append(E(empty)).Append("</span>");
            return;
        }

        h.Append('<').Append(tag).Append('>');
        foreach (var item in list)
        {
            h.Append(cssClass is null ? "<li>" : "<li class=\"" + cssClass + "\">").Append(E(item)).Append("</li>");
        }

        h.Append("</").Append(tag).Append('>');
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
