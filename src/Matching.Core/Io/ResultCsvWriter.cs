using Matching.Rules;

namespace Matching.Io;

/// <summary>Writes <c>matches.csv</c>, <c>unmatched.csv</c> and <c>shortlist.csv</c> with the data contract's columns.</summary>
internal static class ResultCsvWriter
{
    public static void WriteMatches(string path, MatchingResult result)
    {
        string[] header = ["child_id", "sibling_group", "carer_id", "contact_miles", "score", "pinned", .. RuleCatalogue.Soft.Select(r => r.Id)];
        OutputFormat.WriteCsv(path, header, result.Proposals
            .OrderBy(p => p.ChildId, StringComparer.Ordinal)
            .Select(p => (IEnumerable<string>)
            [
                p.ChildId, p.SiblingGroup, p.CarerId, OutputFormat.Miles(p.ContactMiles), OutputFormat.Points(p.Score), OutputFormat.YesNo(p.Pinned),
                .. RuleCatalogue.Soft.Select(r => OutputFormat.Points(p.Scores.FirstOrDefault(s => s.RuleId == r.Id)?.Points ?? 0m)),
            ]));
    }

    public static void WriteUnmatched(string path, MatchingResult result) =>
        OutputFormat.WriteCsv(path, ["child_id", "sibling_group", "eligible_carers", "reason", "blocking"], result.Unmatched
            .OrderBy(u => u.ChildId, StringComparer.Ordinal)
            .Select(u => (IEnumerable<string>)
            [
                u.ChildId, u.SiblingGroup, OutputFormat.Int(u.EligibleCarers), u.Reason,
                string.Join(';', u.Blocking.Select(b => b.RuleId + ":" + OutputFormat.Int(b.CarersExcluded))),
            ]));

    public static void WriteShortlist(string path, MatchingResult result) =>
        OutputFormat.WriteCsv(path, ["child_id", "rank", "carer_id", "score", "cost_if_chosen", "contact_miles", "notes"], result.Shortlists
            .OrderBy(s => s.ChildId, StringComparer.Ordinal).ThenBy(s => s.Rank)
            .Select(s => (IEnumerable<string>)
            [
                s.ChildId, OutputFormat.Int(s.Rank), s.CarerId, OutputFormat.Points(s.Score), OutputFormat.Points(s.CostIfChosen),
                OutputFormat.Miles(s.ContactMiles), s.Notes,
            ]));
}
