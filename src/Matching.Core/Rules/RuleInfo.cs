using System.Collections.Immutable;

namespace Matching.Rules;

/// <summary>Whether a rule is never broken (hard) or weighed (soft).</summary>
public enum RuleKind
{
    /// <summary>Never broken.</summary>
    Hard,

    /// <summary>Weighed in the score.</summary>
    Soft,
}

/// <summary>A named, tunable number a rule uses, with its default.</summary>
/// <param name="Name">Name, unique within the rule (snake_case).</param>
/// <param name="Default">Default value; null means "none" (for example no mile limit).</param>
/// <param name="Description">One line on what it does.</param>
public sealed record RuleParameter(string Name, double? Default, string Description);

/// <summary>One line of the rule catalogue.</summary>
/// <param name="Id">Stable id used in settings and outputs (snake_case).</param>
/// <param name="Code">The rule's number in the rules document (H1..H13, S1..S9).</param>
/// <param name="Kind">Hard or soft.</param>
/// <param name="Description">One line a family finder can read.</param>
/// <param name="DefaultWeight">Default weight of a soft rule; null for a hard rule.</param>
/// <param name="Parameters">Tunable parameters with their defaults.</param>
public sealed record RuleInfo(
    string Id,
    string Code,
    RuleKind Kind,
    string Description,
    double? DefaultWeight,
    ImmutableArray<RuleParameter> Parameters);
