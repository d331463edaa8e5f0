namespace Matching.Solving;

/// <summary>Solves one generic assignment model exactly: min-cost flow where it applies, else CP-SAT.</summary>
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

        if (options.AllowFlow && FlowBackend.Applies(model))
        {
            return FlowBackend.Solve(model);
        }

        return CpSatBackend.Solve(model, options, null, cancellationToken);
    }
}
