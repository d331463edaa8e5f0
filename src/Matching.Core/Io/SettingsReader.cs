using System.Text.Json;
using Matching.Rules;

namespace Matching.Io;

/// <summary>
/// Reads the settings JSON (comments and trailing commas allowed):
/// <c>{ "version": 1, "weights": { id: n }, "parameters": { "rule.name": n or null }, "disabled_hard_rules": [ id ], "detour_factor": n }</c>.
/// Each entry is checked on its own with <see cref="MatchingSettings.Validate"/>, so every error names its line and key.
/// </summary>
internal static class SettingsReader
{
    private static readonly string[] Keys = ["version", "weights", "parameters", "disabled_hard_rules", "detour_factor", "description"];

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static MatchingSettings? Read(string source, byte[] content, IssueList issues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException e)
        {
            issues.Error(source, (int)(e.LineNumber ?? 0) + 1, "", "is not valid JSON (check quotes, commas and brackets)");
            return null;
        }

        using (document)
        {
            var lines = LineMap(content);
            int LineOf(string path) => lines.TryGetValue(path, out var l) ? l : 1;
            var errorsBefore = issues.ErrorCount;
            void Check(MatchingSettings one, string path)
            {
                foreach (var message in one.Validate())
                {
                    issues.Error(source, LineOf(path), path, message);
                }
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                issues.Error(source, 1, "", "must be one JSON object { ... }");
                return null;
            }

            var settings = new MatchingSettings();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                var key = property.Name;
                var value = property.Value;
                if (!seen.Add(key))
                {
                    issues.Error(source, LineOf(key), key, "appears more than once; keep one");
                    continue;
                }

                switch (key)
                {
                    case "version" when value.TryGetInt32(out var version):
                        settings = settings with { Version = version };
                        Check(new MatchingSettings { Version = version }, key);
                        break;
                    case "weights" when value.ValueKind == JsonValueKind.Object:
                        foreach (var w in value.EnumerateObject())
                        {
                            var path = key + "." + w.Name;
                            if (w.Value.ValueKind != JsonValueKind.Number)
                            {
                                issues.Error(source, LineOf(path), path, "must be a number (0 switches the rule off)");
                                continue;
                            }

                            var one = new MatchingSettings { Weights = settings.Weights.Clear().Add(w.Name, w.Value.GetDouble()) };
                            Check(one, path);
                            settings = settings with { Weights = settings.Weights.SetItem(w.Name, w.Value.GetDouble()) };
                        }

                        break;
                    case "parameters" when value.ValueKind == JsonValueKind.Object:
                        foreach (var p in value.EnumerateObject())
                        {
                            var path = key + "." + p.Name;
                            if (p.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
                            {
                                issues.Error(source, LineOf(path), path, "must be a number, or null for none");
                                continue;
                            }

                            double? v = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetDouble();
                            Check(new MatchingSettings { Parameters = settings.Parameters.Clear().Add(p.Name, v) }, path);
                            settings = settings with { Parameters = settings.Parameters.SetItem(p.Name, v) };
                        }

                        break;
                    case "disabled_hard_rules" when value.ValueKind == JsonValueKind.Array:
                        foreach (var item in value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } id)
                            {
                                issues.Error(source, LineOf(key), key, "must be a list of hard rule ids in quotes");
                                continue;
                            }

                            Check(new MatchingSettings { DisabledHardRules = settings.DisabledHardRules.Clear().Add(id) }, key + "[" + id + "]");
                            settings = settings with { DisabledHardRules = settings.DisabledHardRules.Add(id) };
                        }

                        break;
                    case "detour_factor" when value.ValueKind == JsonValueKind.Number:
                        settings = settings with { DetourFactor = value.GetDouble() };
                        Check(new MatchingSettings { DetourFactor = value.GetDouble() }, key);
                        break;
                    case "description" when value.ValueKind == JsonValueKind.String:
                        break;
                    case "version" or "weights" or "parameters" or "disabled_hard_rules" or "detour_factor" or "description":
                        issues.Error(source, LineOf(key), key, Expected(key));
                        break;
                    default:
                        issues.Error(source, LineOf(key), key, $"is not a setting; known settings: {string.Join(", ", Keys)}");
                        break;
                }
            }

            if (!seen.Contains("version"))
            {
                issues.Error(source, 1, "version", $"is missing; write \"version\": {MatchingSettings.CurrentVersion} (the settings format this file uses)");
            }

            return issues.ErrorCount == errorsBefore ? settings : null;
        }
    }

    private static string Expected(string key) => key switch
    {
        "version" => "must be a whole number",
        "weights" => "must be an object { \"rule_id\": weight, ... }",
        "parameters" => "must be an object { \"rule_id.parameter\": value, ... }",
        "disabled_hard_rules" => "must be a list [ \"rule_id\", ... ]",
        "detour_factor" => "must be a number between 1 and 3",
        _ => "must be text",
    };

    /// <summary>The line of every key (<c>weights.travel_burden</c>) and list item (<c>disabled_hard_rules[smoke_free]</c>).</summary>
    private static Dictionary<string, int> LineMap(byte[] content)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? top = null;
        var line = 1;
        var scanned = 0L;
        int LineAt(long index)
        {
            for (; scanned < index; scanned++)
            {
                if (content[scanned] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                top = reader.GetString();
                lines.TryAdd(top ?? "", LineAt(reader.TokenStartIndex));
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
            {
                lines.TryAdd(top + "." + reader.GetString(), LineAt(reader.TokenStartIndex));
            }
            else if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == 2)
            {
                lines.TryAdd(top + "[" + reader.GetString() + "]", LineAt(reader.TokenStartIndex));
            }
        }

        return lines;
    }
}
