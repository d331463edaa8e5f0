using Matching.Model;

namespace Matching;

/// <summary>
/// Proposes placements for a batch: places as many children as possible, then maximises the total soft score,
/// under every hard rule; explains every proposal and every child left unmatched. Thread-safe and stateless.
/// </summary>
public sealed class MatchingEngine
{
    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">The problem is inconsistent (duplicate ids, unknown ids in pins).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public MatchingResult Solve(
        MatchingProblem problem,
        SolveOptions? options = null,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        throw new NotImplementedException("being written");
    }
}
