using System.Collections.Immutable;
using System.Diagnostics;
using Matching.Explain;
using Matching.Model;
using Matching.Solving;

namespace Matching;

/// <summary>
/// Proposes placements for a batch: places as many children as possible, then maximises the total soft score,
/// under every hard rule; explains every proposal and every child left unmatched. Stateless and thread-safe.
/// </summary>
public sealed class MatchingEngine
{
    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <param name="problem">The batch.</param>
    /// <param name="options">Seed, time limit, threads, explanation sizes; defaults when null.</param>
    /// <param name="progress">Receives progress of long phases; may be null.</param>
    /// <param name="cancellationToken">Stops the solve.</param>
    /// <exception cref="ArgumentException">The problem is inconsistent (duplicate ids) or its settings are invalid.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public MatchingResult Solve(
        MatchingProblem problem,
        SolveOptions? options = null,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= SolveOptions.Default;
        var settingsErrors = problem.Settings.Validate();
        if (!settingsErrors.IsEmpty)
        {
            throw new ArgumentException("Invalid settings: " + string.Join("; ", settingsErrors), nameof(problem));
        }

        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var batch = new PreparedBatch(problem);
        phases["prepare"] = watch.Elapsed.TotalMilliseconds;
        var (solution, conflicts) = BatchSolver.Solve(batch, options, phases, progress, cancellationToken);
        var disabled = problem.Settings.DisabledHardRules.ToImmutableArray();
        if (solution is null)
        {
            return new MatchingResult
            {
                Status = SolveStatus.Infeasible,
                Proposals = [],
                Unmatched = [],
                ChildrenPlaced = 0,
                Score = 0,
                ScoreBound = 0,
                DisabledHardRules = disabled,
                PinConflicts = conflicts,
                Statistics = Statistics(batch, null, phases),
            };
        }

        var status = solution.Solutions.Any(s => s.Status == SolveStatus.Infeasible) ? SolveStatus.Infeasible
            : solution.Solutions.Any(s => s.Status == SolveStatus.NoSolution) ? SolveStatus.NoSolution
            : solution.Solutions.All(s => s.Status == SolveStatus.Optimal) && !solution.Candidates.Pruned ? SolveStatus.Optimal
            : SolveStatus.Feasible;

        watch.Restart();
        var proposals = ProposalBuilder.Build(solution);
        ImmutableArray<ShortlistEntry> shortlists = [];
        ImmutableArray<UnmatchedChild> unmatched;
        if (options.Explain)
        {
            progress?.Report(new SolveProgress("explain", 0, 1));
            var alternatives = ShortlistBuilder.Alternatives(solution, options, cancellationToken);
            shortlists = ShortlistBuilder.Entries(solution, alternatives);
            unmatched = UnmatchedExplainer.Explain(solution, alternatives, cancellationToken);
            progress?.Report(new SolveProgress("explain", 1, 1));
        }
        else
        {
            unmatched = UnmatchedExplainer.Explain(solution, [], cancellationToken);
        }

        phases["explain"] = watch.Elapsed.TotalMilliseconds;
        var score = solution.Score;
        var bound = solution.ScoreBound;
        return new MatchingResult
        {
            Status = status,
            Proposals = proposals,
            Unmatched = unmatched,
            Shortlists = shortlists,
            ChildrenPlaced = (int)solution.Value,
            Score = Points.FromMilli(score),
            ScoreBound = bound is { } b && !solution.Candidates.Pruned ? Points.FromMilli(b) : null,
            Gap = bound is not { } g || solution.Candidates.Pruned ? null : g == score ? 0 : Math.Abs(g - score) / Math.Max(1.0, Math.Abs((double)score)),
            DisabledHardRules = disabled,
            Statistics = Statistics(batch, solution, phases),
        };
    }

    private static SolveStatistics Statistics(PreparedBatch batch, BatchSolution? solution, Dictionary<string, double> phases) => new()
    {
        Children = batch.Problem.Children.Length,
        Carers = batch.Carers.Length,
        Groups = batch.Groups.Length,
        CandidatePairs = solution?.Candidates.Count ?? 0,
        Components = solution?.Components.Count ?? 0,
        FlowComponents = solution?.Solutions.Count(s => s.Method == "min-cost-flow") ?? 0,
        CpSatComponents = solution?.Solutions.Count(s => s.Method == "cp-sat") ?? 0,
        MipComponents = solution?.Solutions.Count(s => s.Method == "mip") ?? 0,
        LpComponents = solution?.Solutions.Count(s => s.Method == "lp") ?? 0,
        CandidatesPruned = solution?.Candidates.Pruned ?? false,
        PhaseMilliseconds = phases.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };
}
