using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// The linear relaxation of a <see cref="MipFormulation"/>, solved by GLOP, with a bound recomputed from its duals.
/// For any multipliers y on the rows, c·x = y·Ax + d·x with d = c − Aᵀy, so every plan is worth at most
/// Σ (y_r times the row bound y_r pushes against) + Σ max(d_j·lower_j, d_j·upper_j). The multipliers are rounded to
/// multiples of 2⁻²⁰ and the bound computed in exact integer arithmetic, so it is proved whatever the accuracy of the
/// linear solver. Forcing an arc to 1 replaces its term by d_a, which bounds every plan that uses the arc
/// (reduced-cost fixing).
/// </summary>
internal sealed class LinearRelaxation
{
    /// <summary>Multipliers are rounded to multiples of 1/Scale.</summary>
    private const long Scale = 1L << 20;

    private readonly MipFormulation formulation;
    private readonly Int128[] reduced;
    private readonly Int128 bound;

    private LinearRelaxation(MipFormulation formulation, double[] values, Int128[] reduced, Int128 bound)
    {
        this.formulation = formulation;
        Values = values;
        this.reduced = reduced;
        this.bound = bound;
    }

    /// <summary>The relaxation's solution, per variable.</summary>
    public double[] Values { get; }

    /// <summary>True when the bound proves that no plan is worth more than <paramref name="worth"/> (worths are integers).</summary>
    public bool NoneAbove(long worth) => bound < (worth + (Int128)1) * Scale;

    /// <summary>True when the bound proves that no plan using the arc is worth more than <paramref name="worth"/>.</summary>
    public bool NoneAboveWith(int arc, long worth) => BoundWith(arc) < (worth + (Int128)1) * Scale;

    /// <summary>The reduced cost of an arc, in objective units: how much using it costs at least (0 or more for arcs the relaxation uses).</summary>
    public double Reduced(int arc) => (double)reduced[arc] / Scale;

    /// <summary>The largest whole worth the bound allows.</summary>
    public long Ceiling => (long)Int128.DivRem(bound - (bound < 0 ? Scale - 1 : 0), Scale).Quotient;

    /// <summary>Solves the relaxation; null when GLOP does not reach an optimum in time or its duals do not prove its value.</summary>
    public static LinearRelaxation? Solve(MipFormulation f, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        solver.SuppressOutput();
        var (vars, rows) = f.Load(solver, integer: false);
        solver.SetTimeLimit(Math.Max(1, (long)limit.TotalMilliseconds));
        using var registration = cancellationToken.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        cancellationToken.ThrowIfCancellationRequested();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var value = solver.Objective().Value();
        var values = vars.Select(v => v.SolutionValue()).ToArray();
        var duals = rows.Select(r => r.DualValue()).ToArray();

        // The sign convention of the duals of a maximisation is the solver's; take the one whose bound meets the
        // relaxation's own value (strong duality), and refuse both if neither does.
        foreach (var sign in (double[])[1, -1])
        {
            var (bound, reduced) = Lagrangian(f, duals, sign);
            if (Math.Abs(((double)bound / Scale) - value) <= 1 + (1e-7 * Math.Abs(value)))
            {
                return new LinearRelaxation(f, values, reduced, bound);
            }
        }

        return null;
    }

    private Int128 BoundWith(int arc)
    {
        var d = reduced[arc];
        return bound - Int128.Max(d * (long)formulation.Lower[arc], d * (long)formulation.Upper[arc]) + d;
    }

    private static (Int128 Bound, Int128[] Reduced) Lagrangian(MipFormulation f, double[] duals, double sign)
    {
        var reduced = f.Objective.Select(c => (Int128)(long)c * Scale).ToArray();
        Int128 bound = 0;
        for (var r = 0; r < f.Rows.Count; r++)
        {
            var row = f.Rows[r];
            var y = (long)Math.Round(sign * duals[r] * Scale);

            // y > 0 pushes against the upper bound, y < 0 against the lower; a multiplier facing an infinite
            // bound is unusable and dropped (any multipliers give a valid bound).
            var side = y > 0 ? row.Upper : row.Lower;
            if (y == 0 || double.IsInfinity(side))
            {
                continue;
            }

            bound += (Int128)y * (long)side;
            for (var k = 0; k < row.Vars.Length; k++)
            {
                reduced[row.Vars[k]] -= (Int128)y * (long)row.Coefs[k];
            }
        }

        for (var v = 0; v < reduced.Length; v++)
        {
            bound += Int128.Max(reduced[v] * (long)f.Lower[v], reduced[v] * (long)f.Upper[v]);
        }

        return (bound, reduced);
    }
}
