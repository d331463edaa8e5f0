using System.Diagnostics;

namespace Matching.Solving;

/// <summary>
/// The exact back end for large coupled components: solve the linear relaxation of the strengthened formulation
/// first. On the batches this engine sees it is usually integral, and then the plan it gives is proved optimal by
/// the relaxation's own bound, in a few tens of milliseconds. Otherwise the mixed-integer search runs on a core:
/// the arcs whose reduced cost leaves them any chance, a few per item, and the best plan known. Every arc left out
/// is proved, by its reduced cost, unable to beat the plan found on the core; where that proof fails for some arcs,
/// they join the core and the search runs once more, after which the proof always holds.
/// </summary>
internal static class LpCoreBackend
{
    public static AssignmentSolution Solve(AssignmentModel m, AssignmentSolverOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (formulation, relaxation) = CutRounds.Run(m, MipFormulation.Build(m), f => LinearRelaxation.Solve(f, Remaining(options, clock), cancellationToken));
        if (relaxation is null)
        {
            return MipBackend.Solve(m, options with { TimeLimit = Remaining(options, clock) }, cancellationToken);
        }

        // The best plan known: the relaxation's own when it is integral and keeps every rule, or the plain safe flow.
        var relaxed = FromRelaxation(m, relaxation.Values);
        var safe = FlowBackend.SolvePlainSafely(m).ItemArc;
        var best = Better(m, formulation, relaxed, safe);
        if (options.RelaxationProof && best is not null && relaxation.NoneAbove(Worth(m, formulation, best)))
        {
            return Result(m, best, SolveStatus.Optimal, "lp", relaxation, formulation, root: true);
        }

        return SearchCores(m, formulation, relaxation, best, options with { TimeLimit = Remaining(options, clock) }, cancellationToken, root: true);
    }

    /// <summary>
    /// The search on cores, from a relaxation already solved and the best plan known (or null): the relaxation is of
    /// <paramref name="formulation"/> with the model's pins held at 1 (it may have been solved by columns), so its
    /// reduced costs bound every plan of this model. With <c>root</c> (the relaxation is the model's own, no pin added)
    /// the solution carries it and its formulation (<see cref="AssignmentSolution.Root"/>).
    /// </summary>
    internal static AssignmentSolution SearchCores(AssignmentModel m, MipFormulation formulation, LinearRelaxation relaxation, int[]? known, AssignmentSolverOptions options, CancellationToken cancellationToken, bool root = false)
    {
        var clock = Stopwatch.StartNew();
        var best = Better(m, formulation, known, null);
        void Offer(int[]? plan) => best = Better(m, formulation, best, plan);
        long Worth(int[] plan) => LpCoreBackend.Worth(m, formulation, plan);

        var core = new bool[m.ArcCount];
        foreach (var a in FirstCore(m, relaxation, best, options.CoreArcsPerItem))
        {
            core[a] = true;
        }

        for (var round = 0; ; round++)
        {
            var sub = m.Restrict(core, out var arcOf);
            var subOptions = options with { TimeLimit = Remaining(options, clock), Backend = Backend.Auto };
            var found = sub.ArcCount <= options.CpSatMaxArcs
                ? CpSatBackend.Solve(sub, subOptions, null, cancellationToken)
                : MipBackend.Solve(sub, subOptions, cancellationToken);
            if (found.Status is SolveStatus.Optimal or SolveStatus.Feasible)
            {
                var plan = found.ItemArc.Select(a => a < 0 ? -1 : arcOf[a]).ToArray();
                if (!ModelPlan.IsValid(m, plan))
                {
                    throw new InvalidOperationException("The core search returned a plan that breaks the model's rules.");
                }

                Offer(plan);
            }

            // Arcs outside the core that some plan better than the best known might use; with no plan known, all.
            var bestWorth = best is null ? (long?)null : Worth(best);
            var missing = Enumerable.Range(0, m.ArcCount)
                .Where(a => !core[a] && (bestWorth is not { } w || !relaxation.NoneAboveWith(a, w)))
                .ToArray();
            var solved = found.Status is SolveStatus.Optimal or SolveStatus.Infeasible;
            if (!solved || missing.Length == 0 || round == 1)
            {
                var proved = solved && missing.Length == 0;
                return best is null
                    ? Failed(m, proved ? SolveStatus.Infeasible : SolveStatus.NoSolution)
                    : Result(m, best, proved ? SolveStatus.Optimal : SolveStatus.Feasible, "mip", relaxation, formulation, root);
            }

            foreach (var a in missing)
            {
                core[a] = true;
            }
        }
    }

    private static long Worth(AssignmentModel m, MipFormulation formulation, int[] plan)
    {
        var (value, score) = ModelPlan.Measure(m, plan);
        return checked((value * formulation.ChildWeight) + score);
    }

    /// <summary>The better of two plans that keep every rule of the model (the first on a tie); null when neither does.</summary>
    private static int[]? Better(AssignmentModel m, MipFormulation formulation, int[]? first, int[]? second)
    {
        var a = first is not null && ModelPlan.IsValid(m, first) ? first : null;
        var b = second is not null && ModelPlan.IsValid(m, second) ? second : null;
        return a is null ? b : b is null || Worth(m, formulation, a) >= Worth(m, formulation, b) ? a : b;
    }

    /// <summary>The plan of a relaxation whose arcs are all 0 or 1; null when any is fractional.</summary>
    internal static int[]? FromRelaxation(AssignmentModel m, double[] values)
    {
        var plan = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (values[a] > 1e-6 && values[a] < 1 - 1e-6)
            {
                return null;
            }

            if (values[a] >= 1 - 1e-6)
            {
                plan[m.ArcItem[a]] = a;
            }
        }

        return plan;
    }

    /// <summary>The arcs the relaxation uses, the best few per item by their bound, the best plan's and the pinned ones.</summary>
    private static IEnumerable<int> FirstCore(AssignmentModel m, LinearRelaxation relaxation, int[]? best, int arcsPerItem)
    {
        var index = new ModelIndex(m);
        for (var i = 0; i < m.ItemCount; i++)
        {
            foreach (var a in index.ArcsOfItem[i].Where(a => relaxation.Values[a] > 1e-6))
            {
                yield return a;
            }

            foreach (var a in index.ArcsOfItem[i].OrderByDescending(relaxation.Reduced).ThenBy(a => a).Take(arcsPerItem))
            {
                yield return a;
            }

            if (best is not null && best[i] >= 0)
            {
                yield return best[i];
            }

            if (m.ItemForcedArc[i] >= 0)
            {
                yield return m.ItemForcedArc[i];
            }
        }
    }

    private static TimeSpan Remaining(AssignmentSolverOptions options, Stopwatch clock) =>
        TimeSpan.FromMilliseconds(Math.Max(1, (options.TimeLimit - clock.Elapsed).TotalMilliseconds));

    private static AssignmentSolution Result(AssignmentModel m, int[] plan, SolveStatus status, string method, LinearRelaxation relaxation, MipFormulation formulation, bool root = false)
    {
        var (value, score) = ModelPlan.Measure(m, plan);
        var weight = formulation.ChildWeight;

        // A bound on the score needs the count settled: only when the relaxation cannot buy one more child.
        var ceiling = relaxation.Ceiling;
        long? bound = status == SolveStatus.Optimal ? score
            : weight == 0 ? Math.Max(score, ceiling)
            : ceiling < checked(((value + 1) * weight) - formulation.Spread) ? Math.Max(score, ceiling - (value * weight))
            : null;
        return new AssignmentSolution
        {
            ItemArc = plan,
            Status = status,
            Value = value,
            Score = score,
            ScoreBound = bound,
            Method = method,
            Root = root ? (formulation, relaxation) : null,
        };
    }

    private static AssignmentSolution Failed(AssignmentModel m, SolveStatus status) => new()
    {
        ItemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray(),
        Status = status,
        Value = 0,
        Score = 0,
        ScoreBound = null,
        Method = "mip",
    };
}
