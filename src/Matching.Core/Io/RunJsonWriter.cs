using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Matching.Model;
using Matching.Rules;

namespace Matching.Io;

/// <summary>
/// Writes <c>run.json</c>: versions, batch date, seed, input SHA-256s, the effective settings, status, objective,
/// bound, gap, counts and timings. Everything but the timings is the same for the same inputs and seed.
/// </summary>
public static class RunJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The status as written in outputs: optimal, feasible, infeasible or no_solution.</summary>
    public static string StatusText(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        SolveStatus.Infeasible => "infeasible",
        _ => "no_solution",
    };

    /// <summary>The version of Google OR-Tools the engine runs on.</summary>
    public static string OrToolsVersion()
    {
        var assembly = typeof(Google.OrTools.Sat.CpModel).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
    }

    /// <summary>The run record as JSON text; with <paramref name="includeResults"/>, also every proposal and unmatched child (for <c>--json</c>).</summary>
    public static string ToJson(MatchingProblem problem, MatchingResult result, RunInfo info, bool includeResults = false)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(info);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool", info.Tool);
            w.WriteString("or_tools", OrToolsVersion());
            w.WriteString("batch_date", OutputFormat.Date(problem.BatchDate));
            w.WriteString("batch_date_source", info.BatchDateSource);
            w.WriteNumber("seed", info.Seed);
            w.WriteNumber("time_limit_seconds", info.TimeLimit.TotalSeconds);
            w.WriteBoolean("exact_shortlists", info.ExactShortlists);
            w.WriteStartObject("inputs");
            foreach (var input in info.Inputs)
            {
                w.WriteStartObject(input.Role);
                w.WriteString("file", input.FileName);
                w.WriteString("sha256", input.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            WriteSettings(w, problem.Settings);
            w.WriteString("status", StatusText(result.Status));
            w.WriteNumber("children", problem.Children.Length);
            w.WriteNumber("children_placed", result.ChildrenPlaced);
            w.WriteNumber("children_unmatched", result.Unmatched.Length);
            w.WriteNumber("objective", result.Score);
            if (result.ScoreBound is { } bound)
            {
                w.WriteNumber("bound", bound);
            }
            else
            {
                w.WriteNull("bound");
            }

            if (result.Gap is { } gap)
            {
                w.WriteNumber("gap", gap);
            }
            else
            {
                w.WriteNull("gap");
            }
            WriteStrings(w, "disabled_hard_rules", result.DisabledHardRules);
            WriteStrings(w, "pin_conflicts", result.PinConflicts);
            var s = result.Statistics;
            w.WriteStartObject("counts");
            w.WriteNumber("children", s.Children);
            w.WriteNumber("carers", s.Carers);
            w.WriteNumber("sibling_groups", s.Groups);
            w.WriteNumber("pins", problem.Pins.Length);
            w.WriteNumber("previous_matches", problem.Previous.Length);
            w.WriteNumber("candidate_pairs", s.CandidatePairs);
            w.WriteNumber("components", s.Components);
            w.WriteNumber("flow_components", s.FlowComponents);
            w.WriteNumber("cp_sat_components", s.CpSatComponents);
            w.WriteNumber("mip_components", s.MipComponents);
            w.WriteNumber("lp_components", s.LpComponents);
            w.WriteBoolean("candidates_pruned", s.CandidatesPruned);
            w.WriteEndObject();
            w.WriteStartObject("timings_ms");
            foreach (var (phase, ms) in info.PhaseMilliseconds.Concat(s.PhaseMilliseconds).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(phase, Math.Round(ms, 1));
            }

            w.WriteEndObject();
            if (includeResults)
            {
                WriteResults(w, result);
            }

            w.WriteEndObject();
        }

        return OutputFormat.Utf8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteSettings(Utf8JsonWriter w, MatchingSettings settings)
    {
        w.WriteStartObject("settings");
        w.WriteNumber("version", settings.Version);
        w.WriteStartObject("weights");
        foreach (var rule in RuleCatalogue.Soft)
        {
            w.WriteNumber(rule.Id, settings.WeightOf(rule.Id));
        }

        w.WriteEndObject();
        w.WriteStartObject("parameters");
        foreach (var rule in RuleCatalogue.All)
        {
            foreach (var p in rule.Parameters)
            {
                if (settings.ParameterOf(rule.Id, p.Name) is { } value)
                {
                    w.WriteNumber(rule.Id + "." + p.Name, value);
                }
                else
                {
                    w.WriteNull(rule.Id + "." + p.Name);
                }
            }
        }

        w.WriteEndObject();
        WriteStrings(w, "disabled_hard_rules", settings.DisabledHardRules);
        w.WriteNumber("detour_factor", settings.DetourFactor);
        w.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter w, MatchingResult result)
    {
        w.WriteStartArray("proposals");
        foreach (var p in result.Proposals)
        {
            w.WriteStartObject();
            w.WriteString("child_id", p.ChildId);
            w.WriteString("sibling_group", p.SiblingGroup);
            w.WriteString("carer_id", p.CarerId);
            if (p.ContactMiles is { } miles)
            {
                w.WriteNumber("contact_miles", Math.Round(miles, 1));
            }
            else
            {
                w.WriteNull("contact_miles");
            }

            w.WriteNumber("score", p.Score);
            w.WriteBoolean("pinned", p.Pinned);
            w.WriteStartObject("scores");
            foreach (var score in p.Scores)
            {
                w.WriteNumber(score.RuleId, score.Points);
            }

            w.WriteEndObject();
            WriteStrings(w, "flags", p.Flags);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched");
        foreach (var u in result.Unmatched)
        {
            w.WriteStartObject();
            w.WriteString("child_id", u.ChildId);
            w.WriteString("sibling_group", u.SiblingGroup);
            w.WriteNumber("eligible_carers", u.EligibleCarers);
            w.WriteString("reason", u.Reason);
            w.WriteStartObject("blocking");
            foreach (var b in u.Blocking)
            {
                w.WriteNumber(b.RuleId, b.CarersExcluded);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
