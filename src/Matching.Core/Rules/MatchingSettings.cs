using System.Collections.Immutable;

namespace Matching.Rules;

/// <summary>
/// Weights of the soft rules and parameters of the rules. Anything not set takes the catalogue's default.
/// Immutable; read from one versioned JSON file by the readers.
/// </summary>
public sealed record MatchingSettings
{
    /// <summary>The settings format version this engine reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The default settings.</summary>
    public static MatchingSettings Default { get; } = new();

    /// <summary>Settings format version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Weights by soft rule id; a missing id takes its default; 0 switches the rule off.</summary>
    public ImmutableSortedDictionary<string, double> Weights { get; init; } =
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Parameters by <c>rule_id.parameter</c>; a missing key takes its default; null means "none".</summary>
    public ImmutableSortedDictionary<string, double?> Parameters { get; init; } =
        ImmutableSortedDictionary<string, double?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Hard rules explicitly switched off (echoed in every output).</summary>
    public ImmutableSortedSet<string> DisabledHardRules { get; init; } =
        ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Straight-line miles are multiplied by this to approximate road miles (1 = straight line).</summary>
    public double DetourFactor { get; init; } = 1.0;

    /// <summary>The effective weight of a soft rule.</summary>
    public double WeightOf(string softRuleId)
    {
        if (Weights.TryGetValue(softRuleId, out var w))
        {
            return w;
        }

        return RuleCatalogue.Find(softRuleId)?.DefaultWeight
            ?? throw new ArgumentException($"Unknown soft rule '{softRuleId}'.", nameof(softRuleId));
    }

    /// <summary>The effective value of a rule parameter (null means "none").</summary>
    public double? ParameterOf(string ruleId, string name)
    {
        if (Parameters.TryGetValue(ruleId + "." + name, out var v))
        {
            return v;
        }

        var rule = RuleCatalogue.Find(ruleId) ?? throw new ArgumentException($"Unknown rule '{ruleId}'.", nameof(ruleId));
        foreach (var p in rule.Parameters)
        {
            if (p.Name == name)
            {
                return p.Default;
            }
        }

        throw new ArgumentException($"Rule '{ruleId}' has no parameter '{name}'.", nameof(name));
    }

    /// <summary>True unless the hard rule was explicitly switched off.</summary>
    public bool IsHardRuleOn(string hardRuleId) => !DisabledHardRules.Contains(hardRuleId);

    /// <summary>Every problem with these settings (unknown ids, bad values), as plain sentences; empty when valid.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var softIds = string.Join(", ", RuleCatalogue.All.Where(r => r.Kind == RuleKind.Soft).Select(r => r.Id));
        var hardIds = string.Join(", ", RuleCatalogue.All.Where(r => r.Kind == RuleKind.Hard).Select(r => r.Id));
        if (Version != CurrentVersion)
        {
            errors.Add($"settings version {Version} is not supported; this engine reads version {CurrentVersion}");
        }

        foreach (var (id, w) in Weights)
        {
            var rule = RuleCatalogue.Find(id);
            if (rule is null || rule.Kind != RuleKind.Soft)
            {
                errors.Add($"unknown soft rule id '{id}'; known ids: {softIds}");
            }
            else if (!double.IsFinite(w) || w < 0)
            {
                errors.Add($"weight of '{id}' must be a number 0 or more, not {w.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var (key, v) in Parameters)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var rule = dot > 0 ? RuleCatalogue.Find(key[..dot]) : null;
            var name = dot > 0 ? key[(dot + 1)..] : key;
            if (rule is null)
            {
                errors.Add($"unknown rule in parameter '{key}' (write rule_id.parameter); known ids: {hardIds}, {softIds}");
            }
            else if (!rule.Parameters.Any(p => p.Name == name))
            {
                var known = string.Join(", ", rule.Parameters.Select(p => rule.Id + "." + p.Name));
                errors.Add($"rule '{rule.Id}' has no parameter '{name}'; its parameters: {(known.Length == 0 ? "none" : known)}");
            }
            else if (v is { } x && (!double.IsFinite(x) || x < 0))
            {
                errors.Add($"parameter '{key}' must be a number 0 or more, or null for none");
            }
        }

        foreach (var id in DisabledHardRules)
        {
            var rule = RuleCatalogue.Find(id);
            if (rule is null || rule.Kind != RuleKind.Hard)
            {
                errors.Add($"unknown hard rule id '{id}' in disabled_hard_rules; known ids: {hardIds}");
            }
        }

        if (!double.IsFinite(DetourFactor) || DetourFactor < 1.0 || DetourFactor > 3.0)
        {
            errors.Add("detour_factor must be between 1 and 3");
        }

        return errors.ToImmutable();
    }
}
