using System.Collections.Immutable;

namespace Matching;

/// <summary>How far the solver got.</summary>
public enum SolveStatus
{
    /// <summary>The plan is proved optimal: most children placed, then best score.</summary>
    Optimal,

    /// <summary>A plan was found but not proved optimal within the time limit.</summary>
    Feasible,

    /// <summary>No plan can keep every hard rule and every pin.</summary>
    Infeasible,

    /// <summary>No plan was found within the time limit.</summary>
    NoSolution,
}

/// <summary>One soft rule's contribution to a proposal, in points (negative: a penalty; positive: a reward).</summary>
/// <param name="RuleId">The soft rule's id.</param>
/// <param name="Points">Weight times match weight, signed.</param>
/// <param name="MatchWeight">What the rule measured before weighting.</param>
public sealed record RuleScore(string RuleId, decimal Points, double MatchWeight);

/// <summary>A proposal: a child placed with a carer, with every reason.</summary>
public sealed record Proposal
{
    /// <summary>The child.</summary>
    public required string ChildId { get; init; }

    /// <summary>The child's sibling group (the child's id when alone).</summary>
    public required string SiblingGroup { get; init; }

    /// <summary>The carer proposed.</summary>
    public required string CarerId { get; init; }

    /// <summary>Travel miles to the contact venue; null when the venue is not known.</summary>
    public double? ContactMiles { get; init; }

    /// <summary>Total score of this proposal in points (sum of <see cref="Scores"/>).</summary>
    public required decimal Score { get; init; }

    /// <summary>True when this link was pinned.</summary>
    public bool Pinned { get; init; }

    /// <summary>Every soft rule's contribution, in catalogue order (rules with weight 0 are 0).</summary>
    public required ImmutableArray<RuleScore> Scores { get; init; }

    /// <summary>Things a matching panel should know (identity mismatch, far from home, a split group, a pin).</summary>
    public ImmutableArray<string> Flags { get; init; } = [];
}

/// <summary>How many carers one hard rule excluded for a child, as one step of a cascade.</summary>
/// <param name="RuleId">The hard rule's id.</param>
/// <param name="CarersExcluded">
/// Carers this rule refuses among those the rules before it in the cascade left (the first rule is the one that
/// refuses the most carers, the next the one that refuses the most of the rest, and so on), so the counts add up to
/// the carers excluded.
/// </param>
public sealed record RuleExclusion(string RuleId, int CarersExcluded);

/// <summary>A child left without a proposal, and why.</summary>
public sealed record UnmatchedChild
{
    /// <summary>The child.</summary>
    public required string ChildId { get; init; }

    /// <summary>The child's sibling group.</summary>
    public required string SiblingGroup { get; init; }

    /// <summary>Carers every hard rule allows for this child (within the group as it must be placed).</summary>
    public required int EligibleCarers { get; init; }

    /// <summary>For every hard rule that excluded carers, how many, as a cascade: most first, each counted among the carers left.</summary>
    public required ImmutableArray<RuleExclusion> Blocking { get; init; }

    /// <summary>One plain-English sentence a family finder can read out.</summary>
    public required string Reason { get; init; }

    /// <summary>Eligible carers that went to other children, each as <c>carer (children)</c>, in carer id order.</summary>
    public ImmutableArray<string> TakenBy { get; init; } = [];

    /// <summary>
    /// The smallest single changes that would give the child an eligible carer or a place (for example "one more place
    /// at K0107"), each naming the carer; when no carer is eligible, also the household to recruit. Safeguarding
    /// decisions (locations to avoid, excluded carers) are never offered.
    /// </summary>
    public ImmutableArray<string> WhatItWouldTake { get; init; } = [];
}

/// <summary>One ranked alternative for a child or group.</summary>
public sealed record ShortlistEntry
{
    /// <summary>The child.</summary>
    public required string ChildId { get; init; }

    /// <summary>1 is best.</summary>
    public required int Rank { get; init; }

    /// <summary>The carer.</summary>
    public required string CarerId { get; init; }

    /// <summary>Score of this child with this carer, in points.</summary>
    public required decimal Score { get; init; }

    /// <summary>How much the whole batch's score worsens if this carer is chosen (0 for the proposal).</summary>
    public required decimal CostIfChosen { get; init; }

    /// <summary>Children the batch would place fewer if this carer were chosen (0 when none).</summary>
    public int PlacementsLost { get; init; }

    /// <summary>Travel miles to the contact venue; null when not known.</summary>
    public double? ContactMiles { get; init; }

    /// <summary>Short notes for the panel.</summary>
    public string Notes { get; init; } = "";
}

/// <summary>Counts and timings of a solve.</summary>
public sealed record SolveStatistics
{
    /// <summary>Children in the batch.</summary>
    public int Children { get; init; }

    /// <summary>Carers in the batch.</summary>
    public int Carers { get; init; }

    /// <summary>Sibling groups (a child alone counts one).</summary>
    public int Groups { get; init; }

    /// <summary>Candidate (unit, carer) pairs that every pair-level hard rule allows.</summary>
    public long CandidatePairs { get; init; }

    /// <summary>Independent components solved.</summary>
    public int Components { get; init; }

    /// <summary>Components solved exactly by min-cost flow.</summary>
    public int FlowComponents { get; init; }

    /// <summary>Components solved by CP-SAT.</summary>
    public int CpSatComponents { get; init; }

    /// <summary>True when candidates were limited per unit (see <see cref="SolveOptions.MaxCandidatesPerUnit"/>): the bound then holds for the candidates kept only.</summary>
    public bool CandidatesPruned { get; init; }

    /// <summary>Components solved by mixed-integer search (SCIP), on the whole model or on a reduced-cost core.</summary>
    public int MipComponents { get; init; }

    /// <summary>Components proved optimal by their linear relaxation alone (integral, with a bound from its duals).</summary>
    public int LpComponents { get; init; }

    /// <summary>Time per phase (candidates, solve, explain), in milliseconds.</summary>
    public ImmutableSortedDictionary<string, double> PhaseMilliseconds { get; init; } =
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
}

/// <summary>The outcome of a solve: the plan, its score, status and the explanations.</summary>
public sealed record MatchingResult
{
    /// <summary>How far the solver got.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>Proposals, ordered by child id.</summary>
    public required ImmutableArray<Proposal> Proposals { get; init; }

    /// <summary>Children not placed, ordered by child id.</summary>
    public required ImmutableArray<UnmatchedChild> Unmatched { get; init; }

    /// <summary>Shortlists, ordered by child id then rank.</summary>
    public ImmutableArray<ShortlistEntry> Shortlists { get; init; } = [];

    /// <summary>Children placed (the first objective).</summary>
    public required int ChildrenPlaced { get; init; }

    /// <summary>Total score in points (the second objective): proposals plus group-level terms such as splits.</summary>
    public required decimal Score { get; init; }

    /// <summary>
    /// Best bound on the total score proved by the solver, for plans placing <see cref="ChildrenPlaced"/> children
    /// (equal to <see cref="Score"/> when optimal); null when no bound was proved (the time ran out before the
    /// number of children was settled, or candidates were pruned).
    /// </summary>
    public required decimal? ScoreBound { get; init; }

    /// <summary>Relative gap between score and bound: 0 when optimal, null when there is no bound.</summary>
    public double? Gap { get; init; }

    /// <summary>Hard rules explicitly switched off in the settings (echoed in every output).</summary>
    public ImmutableArray<string> DisabledHardRules { get; init; } = [];

    /// <summary>Pin conflicts when the status is infeasible because of pins: each names the pins and the rule.</summary>
    public ImmutableArray<string> PinConflicts { get; init; } = [];

    /// <summary>Counts and timings.</summary>
    public required SolveStatistics Statistics { get; init; }
}

/// <summary>Progress of a long solve.</summary>
/// <param name="Phase">candidates, solve or explain.</param>
/// <param name="Done">Units of work done in this phase.</param>
/// <param name="Total">Units of work in this phase.</param>
public sealed record SolveProgress(string Phase, int Done, int Total);
