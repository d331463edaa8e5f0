using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Matching.Explain;

/// <summary>
/// The whole story of one child from a run folder, as plain text a family finder can read: the proposal with every
/// rule's contribution and the panel flags, or the reason the child was not placed with the exclusion cascade, who
/// took the eligible carers and what it would take; then the siblings and the shortlist. Reads only the run's own
/// outputs (never the inputs), so it shows exactly what the panel was given.
/// </summary>
public static class ChildStory
{
    /// <summary>The story, or an error sentence when the folder is not a run or the child is not in it.</summary>
    /// <param name="runFolder">A folder written by <c>matching solve --out</c>.</param>
    /// <param name="childId">The child's id.</param>
    /// <returns>The story (lines ending in a newline), or null and the error.</returns>
    public static (string? Story, string? Error) Tell(string runFolder, string childId)
    {
        var runJson = Path.Combine(runFolder, "run.json");
        if (!File.Exists(runJson))
        {
            return (null, $"'{runFolder}' is not a matching run folder (it has no run.json); give the --out folder of 'matching solve'");
        }

        string batchDate, status;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(runJson));
            batchDate = doc.RootElement.TryGetProperty("batch_date", out var d) ? d.GetString() ?? "" : "";
            status = doc.RootElement.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
        }
        catch (JsonException e)
        {
            return (null, $"{runJson}: not a readable run record ({e.Message})");
        }

        var matches = Rows(Path.Combine(runFolder, "matches.csv"));
        var unmatched = Rows(Path.Combine(runFolder, "unmatched.csv"));
        var shortlist = Rows(Path.Combine(runFolder, "shortlist.csv"));
        var proposal = matches.FirstOrDefault(r => Get(r, "child_id") == childId);
        var left = unmatched.FirstOrDefault(r => Get(r, "child_id") == childId);
        if (proposal is null && left is null)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"child '{childId}' is not in the run at '{runFolder}' ({matches.Count} proposals, {unmatched.Count} children not placed)"));
        }

        var w = new StringBuilder();
        var row = proposal ?? left!;
        var group = Get(row, "sibling_group");
        w.Append(CultureInfo.InvariantCulture, $"Child {childId}");
        if (group.Length > 0 && group != childId)
        {
            w.Append(CultureInfo.InvariantCulture, $" (sibling group {group})");
        }

        w.Append(CultureInfo.InvariantCulture, $", batch {batchDate}, run {status}.\n\n");
        if (proposal is not null)
        {
            Proposed(w, proposal);
        }
        else
        {
            NotPlaced(w, left!);
        }

        Siblings(w, childId, group, matches, unmatched);
        Shortlist(w, shortlist.Where(r => Get(r, "child_id") == childId).ToList());
        return (w.ToString(), null);
    }

    private static readonly HashSet<string> ProposalColumns = new(StringComparer.Ordinal)
    {
        "child_id", "sibling_group", "carer_id", "contact_miles", "score", "pinned", "flags",
    };

    private static void Proposed(StringBuilder w, Dictionary<string, string> p)
    {
        var miles = Get(p, "contact_miles");
        w.Append(CultureInfo.InvariantCulture, $"Proposed carer: {Get(p, "carer_id")}");
        w.Append(miles.Length > 0 ? $", {miles} miles from the contact venue" : ", contact venue not known");
        w.Append(CultureInfo.InvariantCulture, $", score {Get(p, "score")}");
        w.Append(Get(p, "pinned") == "yes" ? " (pinned: an agreed link).\n" : ".\n");
        w.Append("Score by rule (points; negative is a cost):\n");
        var any = false;
        foreach (var (rule, value) in p.Where(kv => !ProposalColumns.Contains(kv.Key)))
        {
            if (value is not ("0.00" or "" or "-0.00"))
            {
                w.Append(CultureInfo.InvariantCulture, $"  {rule,-22} {value,8}\n");
                any = true;
            }
        }

        if (!any)
        {
            w.Append("  every rule 0.00\n");
        }

        List(w, "Flags for the panel:", Get(p, "flags"), "  none\n");
    }

    private static void NotPlaced(StringBuilder w, Dictionary<string, string> u)
    {
        w.Append("Not placed. ").Append(Get(u, "reason")).Append('\n');
        w.Append(CultureInfo.InvariantCulture, $"Eligible carers (every hard rule allows): {Get(u, "eligible_carers")}\n");
        w.Append("Carers excluded, by rule (a cascade: each counted among the carers the rules above left):\n");
        var blocking = Split(Get(u, "blocking"));
        foreach (var b in blocking)
        {
            var colon = b.LastIndexOf(':');
            w.Append(colon > 0 ? $"  {b[..colon],-26} {b[(colon + 1)..],6}\n" : $"  {b}\n");
        }

        if (blocking.Length == 0)
        {
            w.Append("  none\n");
        }

        List(w, "Eligible carers proposed for other children:", Get(u, "taken_by"), "  none\n");
        List(w, "What it would take:", Get(u, "what_it_would_take"), "  nothing known\n");
    }

    private static void Siblings(StringBuilder w, string childId, string group, List<Dictionary<string, string>> matches, List<Dictionary<string, string>> unmatched)
    {
        if (group.Length == 0 || group == childId)
        {
            return;
        }

        var lines = matches.Where(r => Get(r, "sibling_group") == group && Get(r, "child_id") != childId)
            .Select(r => $"  {Get(r, "child_id")}: proposed {Get(r, "carer_id")}")
            .Concat(unmatched.Where(r => Get(r, "sibling_group") == group && Get(r, "child_id") != childId).Select(r => $"  {Get(r, "child_id")}: not placed"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (lines.Count > 0)
        {
            w.Append("Siblings in this batch:\n");
            foreach (var line in lines)
            {
                w.Append(line).Append('\n');
            }
        }
    }

    private static void Shortlist(StringBuilder w, List<Dictionary<string, string>> rows)
    {
        w.Append("Shortlist (cost if chosen: how much the whole batch's score falls if that carer is chosen, the rest re-optimised):\n");
        if (rows.Count == 0)
        {
            w.Append("  no eligible carer\n");
            return;
        }

        foreach (var r in rows.OrderBy(r => int.TryParse(Get(r, "rank"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : int.MaxValue))
        {
            var miles = Get(r, "contact_miles");
            var notes = Get(r, "notes");
            w.Append(CultureInfo.InvariantCulture, $"  {Get(r, "rank"),2}. {Get(r, "carer_id"),-10} score {Get(r, "score"),8}  cost if chosen {Get(r, "cost_if_chosen"),8}");
            w.Append(miles.Length > 0 ? $"  {miles} miles" : "");
            w.Append(notes.Length > 0 ? $"  ({notes})" : "").Append('\n');
        }
    }

    private static void List(StringBuilder w, string title, string cell, string empty)
    {
        w.Append(title).Append('\n');
        var items = Split(cell);
        if (items.Length == 0)
        {
            w.Append(empty);
        }

        foreach (var item in items)
        {
            w.Append("  - ").Append(item).Append('\n');
        }
    }

    private static string[] Split(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Get(Dictionary<string, string> row, string column) => row.TryGetValue(column, out var v) ? v : "";

    /// <summary>Every row of a run CSV by column name, in file order; empty when the file is absent.</summary>
    private static List<Dictionary<string, string>> Rows(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        if (!File.Exists(path))
        {
            return rows;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return rows;
        }

        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
