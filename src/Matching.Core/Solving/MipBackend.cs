using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// Mixed-integer search by SCIP through OR-Tools on the <see cref="MipFormulation"/> of a component: one weighted
/// objective in which a child placed outweighs any difference in score, solved to an absolute gap below one
/// milli-point. Used by <see cref="LpCoreBackend"/> on its reduced-cost cores, and on a whole component when the
/// relaxation cannot be solved. SCIP runs single-threaded with a fixed seed.
/// </summary>
internal static class MipBackend
{
    public static AssignmentSolution Solve(AssignmentModel m, AssignmentSolverOptions options, CancellationToken cancellationToken)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available in this OR-Tools build.");
        solver.SuppressOutput();
        var formulation = MipFormulation.Build(m);
        var (x, _) = formulation.Load(solver, integer: true);
        var objective = solver.Objective();
        var childWeight = formulation.ChildWeight;
        var spread = formulation.Spread;
        using var registration = cancellationToken.Register(() => solver.InterruptSolve());

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        solver.SetSolverSpecificParametersAsString(string.Create(CultureInfo.InvariantCulture, $"limits/absgap = 0.5\nrandomization/randomseedshift = {Math.Abs(options.Seed % 1000)}\n"));
        solver.SetTimeLimit(Math.Max(1, (long)options.TimeLimit.TotalMilliseconds));
        var status = solver.Solve(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return Failed(m, status);
        }

        var itemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        long placed = 0;
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (x[a].SolutionValue() > 0.5)
            {
                itemArc[m.ArcItem[a]] = a;
                placed += m.ItemValue[m.ArcItem[a]];
            }
        }

        // The score is the solver's objective less the children's weight, rounded from doubles that carry
        // integers exactly at these sizes.
        var score = checked((long)Math.Round(objective.Value()) - (placed * childWeight));
        var optimal = status == Solver.ResultStatus.OPTIMAL;
        var best = objective.BestBound();
        // A proved bound on the score needs the count settled: only when the bound cannot buy one more child.
        long? bound = double.IsFinite(best) && best < ((placed + 1) * (double)childWeight) - spread
            ? (long)Math.Floor(best + 0.5) - (placed * childWeight)
            : null;
        return new AssignmentSolution
        {
            ItemArc = itemArc,
            Status = optimal ? SolveStatus.Optimal : SolveStatus.Feasible,
            Value = placed,
            Score = score,
            ScoreBound = optimal ? score : bound is { } proved ? Math.Max(score, proved) : null,
            Method = "mip",
        };
    }

    private static AssignmentSolution Failed(AssignmentModel m, Solver.ResultStatus status) => new()
    {
        ItemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray(),
        Status = status == Solver.ResultStatus.INFEASIBLE ? SolveStatus.Infeasible : SolveStatus.NoSolution,
        Value = 0,
        Score = 0,
        ScoreBound = null,
        Method = "mip",
    };
}
