using System.Collections.Immutable;
using Matching.Rules;

namespace Matching.Model;

/// <summary>One batch to solve: the children, the carers, agreed links, last week's proposals, the batch date and the settings.</summary>
public sealed record MatchingProblem
{
    /// <summary>The children referred in this batch.</summary>
    public required ImmutableArray<Child> Children { get; init; }

    /// <summary>The carer households available.</summary>
    public required ImmutableArray<Carer> Carers { get; init; }

    /// <summary>Agreed links that must stay (hard constraints).</summary>
    public ImmutableArray<Pin> Pins { get; init; } = [];

    /// <summary>Last run's proposals, for stability.</summary>
    public ImmutableArray<PreviousMatch> Previous { get; init; } = [];

    /// <summary>The batch date: ages and availability are taken on it unless a child's needed-by date says otherwise.</summary>
    public required DateOnly BatchDate { get; init; }

    /// <summary>Weights and rule settings.</summary>
    public MatchingSettings Settings { get; init; } = MatchingSettings.Default;
}
