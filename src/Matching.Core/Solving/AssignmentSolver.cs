namespace Matching.Solving;

/// <summary>
/// Solves one generic assignment model exactly: min-cost flow where the structure allows it; CP-SAT for small
/// coupled components; SCIP's mixed-integer search for large coupled ones (measured on generated batches:
/// CP-SAT needs tens of seconds to prove a 100 x 500 adoption week that SCIP proves in a few).
/// </summary>
internal static class AssignmentSolver
{
    public static AssignmentSolution Solve(AssignmentModel model, AssignmentSolverOptions options, CancellationToken cancellationToken)
    {
        if (model.ItemCount == 0)
        {
            return new AssignmentSolution
            {
                ItemArc = [], Status = SolveStatus.Optimal, Value = 0, Score = 0, ScoreBound = 0, Method = "empty",
            };
        }

        var backend = options.Backend;
        if (backend == Backend.Auto)
        {
            backend = options.AllowFlow && FlowBackend.Applies(model) ? Backend.Flow
                : model.ArcCount <= options.CpSatMaxArcs ? Backend.CpSat
                : Backend.Mip;
        }

        if (backend == Backend.Mip && options.Backend == Backend.Auto && model.ArcCount > options.FlowStartArcs && !model.AssignAll)
        {
            // Large and coupled: a valid plan from a flow under safe limits in well under a second, then SCIP
            // starting from it for the rest of the time; keep whichever is better.
            var start = FlowBackend.SolveSafely(model);
            var improved = MipBackend.Solve(model, options, cancellationToken, start.ItemArc);
            return Better(improved, start);
        }

        return backend switch
        {
            Backend.Flow => FlowBackend.Solve(model),
            Backend.SafeFlow => FlowBackend.SolveSafely(model),
            Backend.CpSat => CpSatBackend.Solve(model, options, null, cancellationToken),
            _ => MipBackend.Solve(model, options, cancellationToken),
        };
    }

    private static AssignmentSolution Better(AssignmentSolution a, AssignmentSolution b)
    {
        if (a.Status is not (SolveStatus.Optimal or SolveStatus.Feasible))
        {
            return b;
        }

        return a.Status == SolveStatus.Optimal || a.Value > b.Value || (a.Value == b.Value && a.Score >= b.Score) ? a : b;
    }
}
