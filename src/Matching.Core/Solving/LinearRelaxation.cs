using System.Numerics;
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

    private readonly double[] lower;
    private readonly double[] upper;
    private readonly Int128[] reduced;
    private readonly Int128 bound;

    private LinearRelaxation(double[] lower, double[] upper, double[] values, Int128[] reduced, Int128 bound, double[] multipliers)
    {
        Multipliers = multipliers;
        this.lower = lower;
        this.upper = upper;
        Values = values;
        this.reduced = reduced;
        this.bound = bound;
    }

    /// <summary>The row multipliers (duals) the bound was computed from, with the sign this class uses (positive against an upper bound).</summary>
    public double[] Multipliers { get; }

    /// <summary>The relaxation's solution, per variable (0 for variables left out).</summary>
    public double[] Values { get; }

    /// <summary>True when no column left out could raise the relaxation: its value is the bound, and the relaxation's optimum.</summary>
    public bool Complete { get; private init; }

    /// <summary>The arcs column generation ended with (a good start for a relaxation close to this one); empty otherwise.</summary>
    public int[] Columns { get; private init; } = [];

    /// <summary>True when the bound proves that no plan is worth more than <paramref name="worth"/> (worths are integers).</summary>
    public bool NoneAbove(long worth) => bound < (worth + (Int128)1) * Scale;

    /// <summary>True when the bound proves that no plan using the arc is worth more than <paramref name="worth"/>.</summary>
    public bool NoneAboveWith(int arc, long worth) => bound - Slack(arc) < (worth + (Int128)1) * Scale;

    /// <summary>The same relaxation, known to leave out no column that could raise it, ended with the given arcs.</summary>
    internal LinearRelaxation AsComplete(int[] columns) => new(lower, upper, Values, reduced, bound, Multipliers) { Complete = true, Columns = columns };

    /// <summary>
    /// The variables left out (not active) and not held at 0 whose reduced cost is positive (left out, each could
    /// raise the relaxation), in order: the columns to price in.
    /// </summary>
    internal int[] Attracting(bool[] active, double[] upperBounds)
    {
        var found = new List<int>();
        for (var v = 0; v < reduced.Length; v++)
        {
            if (!active[v] && upperBounds[v] > 0 && reduced[v] > 0)
            {
                found.Add(v);
            }
        }

        return [.. found];
    }

    /// <summary>The arcs marked active, in order.</summary>
    internal static int[] ActiveArcs(bool[] active, int arcCount)
    {
        var found = new List<int>();
        for (var a = 0; a < arcCount; a++)
        {
            if (active[a])
            {
                found.Add(a);
            }
        }

        return [.. found];
    }

    /// <summary>The reduced cost of an arc, in objective units (0 or below for arcs the relaxation leaves out).</summary>
    public double Reduced(int arc) => (double)reduced[arc] / Scale;

    /// <summary>How much the bound falls when the arc is forced in, scaled (0 or more).</summary>
    public Int128 Slack(int arc)
    {
        var d = reduced[arc];
        return Int128.Max(d * (long)lower[arc], d * (long)upper[arc]) - d;
    }

    /// <summary>The largest whole worth of a plan that uses every one of the arcs (distinct arcs).</summary>
    public long CeilingWith(params ReadOnlySpan<int> arcs)
    {
        var b = bound;
        foreach (var a in arcs)
        {
            b -= Slack(a);
        }

        return Floor(b);
    }

    /// <summary>The largest whole worth the bound allows.</summary>
    public long Ceiling => Floor(bound);

    /// <summary>Solves the whole relaxation; null when GLOP does not reach an optimum in time or its duals do not prove its value.</summary>
    public static LinearRelaxation? Solve(MipFormulation f, TimeSpan limit, CancellationToken cancellationToken) =>
        Solve(f, null, [.. f.Lower], [.. f.Upper], limit, cancellationToken);

    /// <summary>
    /// Column generation: the relaxation over the given arcs (and the auxiliary variables they touch), then again with
    /// every column the duals price out, until none does. The bound always covers every column, whether or not
    /// the rounds finish. <paramref name="forcedArc"/> (or -1) is held at 1, each of <paramref name="excludedArcs"/> at 0
    /// (the bound then covers only plans without them).
    /// </summary>
    public static LinearRelaxation? SolveByColumns(MipFormulation f, IEnumerable<int> arcs, int forcedArc, TimeSpan limit, CancellationToken cancellationToken, int rounds = 30, IReadOnlyCollection<int>? excludedArcs = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rowsOf = f.RowsOfVar();
        var lowerBounds = f.Lower.ToArray();
        var upperBounds = f.Upper.ToArray();
        var active = new bool[f.VarCount];
        foreach (var excluded in excludedArcs ?? [])
        {
            upperBounds[excluded] = 0; // held at 0: never loaded, and its term in the bound is 0
        }

        void Activate(int v)
        {
            if (active[v] || upperBounds[v] == 0)
            {
                return;
            }

            active[v] = true;
            if (v < f.ArcCount)
            {
                // The auxiliaries an arc needs (its family's presence at the bin, the subsets it belongs to).
                foreach (var r in rowsOf[v])
                {
                    foreach (var w in f.Rows[r].Vars)
                    {
                        active[w] |= w >= f.ArcCount;
                    }
                }
            }
        }

        if (forcedArc >= 0)
        {
            lowerBounds[forcedArc] = 1;
            Activate(forcedArc);
        }

        foreach (var a in arcs.Concat(Enumerable.Range(0, f.ArcCount).Where(a => lowerBounds[a] > 0)))
        {
            Activate(a);
        }

        // A row that must hold something (an item that must be placed) keeps all its columns: left out, it would
        // not be loaded at all and the relaxation would ignore it.
        foreach (var row in f.Rows.Where(r => r.Lower > 0 && !r.Vars.Any(v => active[v])))
        {
            foreach (var v in row.Vars)
            {
                Activate(v);
            }
        }

        for (var round = 0; ; round++)
        {
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            if (Solve(f, active, lowerBounds, upperBounds, left, cancellationToken) is not { } relaxation)
            {
                // The columns so far may not admit any solution (an item that must be placed, homes filled by the
                // held arc): then every column, once; if that fails too, there is nothing to bound.
                if (Enumerable.Range(0, f.VarCount).All(v => active[v] || upperBounds[v] == 0))
                {
                    return null;
                }

                for (var v = 0; v < f.VarCount; v++)
                {
                    active[v] = upperBounds[v] > 0;
                }

                continue;
            }

            var priced = relaxation.Attracting(active, upperBounds);
            if (priced.Length == 0)
            {
                return relaxation.AsComplete(ActiveArcs(active, f.ArcCount));
            }

            if (round == rounds)
            {
                return relaxation;
            }

            foreach (var v in priced)
            {
                Activate(v);
            }
        }
    }

    /// <summary>
    /// True when the whole relaxation (every column) has no point within these bounds (each within the formulation's
    /// own): they cross, or GLOP proves it infeasible. Then no plan keeps them. False when it has a point, or GLOP gives
    /// no answer in time.
    /// </summary>
    internal static bool Infeasible(MipFormulation f, double[] lowerBounds, double[] upperBounds, TimeSpan limit, CancellationToken cancellationToken)
    {
        // An arc held at 1 where the formulation or an exclusion holds it at 0: no point, and GLOP would answer
        // ABNORMAL, not INFEASIBLE, to the crossed bounds.
        for (var v = 0; v < lowerBounds.Length; v++)
        {
            if (lowerBounds[v] > upperBounds[v])
            {
                return true;
            }
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        solver.SuppressOutput();
        var (vars, _) = f.Load(solver, integer: false, null, lowerBounds);
        for (var v = 0; v < vars.Length; v++)
        {
            if (upperBounds[v] < f.Upper[v])
            {
                vars[v]!.SetUb(upperBounds[v]);
            }
        }

        solver.SetTimeLimit(Math.Max(1, (long)limit.TotalMilliseconds));
        using var registration = cancellationToken.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        cancellationToken.ThrowIfCancellationRequested();
        return status == Solver.ResultStatus.INFEASIBLE;
    }

    private static LinearRelaxation? Solve(MipFormulation f, bool[]? active, double[] lowerBounds, double[] upperBounds, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        solver.SuppressOutput();
        var (vars, rows) = f.Load(solver, integer: false, active, lowerBounds);
        solver.SetTimeLimit(Math.Max(1, (long)limit.TotalMilliseconds));
        using var registration = cancellationToken.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        cancellationToken.ThrowIfCancellationRequested();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        return FromSolver(f, solver, vars, rows, lowerBounds, upperBounds, active);
    }

    /// <summary>
    /// The relaxation an optimal GLOP solve gives, its bound recomputed from the duals; null when they do not prove
    /// its value. <paramref name="vars"/> and <paramref name="rows"/> are per variable and row of the formulation (null
    /// for those not loaded: held at their lower bound, and a row's multiplier 0).
    /// </summary>
    internal static LinearRelaxation? FromSolver(MipFormulation f, Solver solver, IReadOnlyList<Variable?> vars, IReadOnlyList<Constraint?> rows, double[] lowerBounds, double[] upperBounds, bool[]? active)
    {
        var value = solver.Objective().Value();
        var values = new double[vars.Count];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = vars[v]?.SolutionValue() ?? 0;
        }

        var duals = new double[rows.Count];
        for (var r = 0; r < duals.Length; r++)
        {
            duals[r] = rows[r]?.DualValue() ?? 0;
        }

        // The sign convention of the duals of a maximisation is the solver's; take the one whose bound over the
        // columns solved meets the relaxation's own value (strong duality), and refuse both if neither does.
        foreach (var sign in (double[])[1, -1])
        {
            var (bound, activeBound, reduced) = Lagrangian(f, duals, sign, lowerBounds, upperBounds, active);
            if (Math.Abs(((double)activeBound / Scale) - value) <= 1 + (1e-7 * Math.Abs(value)))
            {
                return new LinearRelaxation(lowerBounds, upperBounds, values, reduced, bound, [.. duals.Select(y => sign * y)]) { Complete = active is null };
            }
        }

        return null;
    }

    private static long Floor(Int128 scaled) => (long)Int128.DivRem(scaled - (scaled < 0 ? Scale - 1 : 0), Scale).Quotient;

    /// <summary>
    /// The bound over every column, the bound over the active ones only, and every reduced cost, all scaled: in
    /// checked 64-bit integers where they fit (they always did on generated fostering week 12, in a third less time
    /// than 128-bit ones), else in 128-bit ones. Both are exact: they give the same bound.
    /// </summary>
    internal static (Int128 Bound, Int128 ActiveBound, Int128[] Reduced) Lagrangian(MipFormulation f, double[] duals, double sign, double[] lowerBounds, double[] upperBounds, bool[]? active)
    {
        try
        {
            return Lagrangian<long>(f, duals, sign, lowerBounds, upperBounds, active);
        }
        catch (OverflowException)
        {
            return Lagrangian<Int128>(f, duals, sign, lowerBounds, upperBounds, active);
        }
    }

    /// <summary><see cref="Lagrangian"/> with every product and reduced cost in integers of type T, checked (it throws <see cref="OverflowException"/> where one does not fit), and the sums in 128 bits.</summary>
    internal static (Int128 Bound, Int128 ActiveBound, Int128[] Reduced) Lagrangian<T>(MipFormulation f, double[] duals, double sign, double[] lowerBounds, double[] upperBounds, bool[]? active)
        where T : IBinaryInteger<T>
    {
        static T Whole(double x) => T.CreateChecked(unchecked((long)x));
        checked
        {
            var objective = f.Objective;
            var reduced = new T[objective.Count];
            for (var v = 0; v < reduced.Length; v++)
            {
                reduced[v] = Whole(objective[v]) * T.CreateChecked(Scale);
            }

            Int128 rowsPart = 0;
            for (var r = 0; r < f.Rows.Count; r++)
            {
                var row = f.Rows[r];
                var y = unchecked((long)Math.Round(sign * duals[r] * Scale));

                // y > 0 pushes against the upper bound, y < 0 against the lower; a multiplier facing an infinite
                // bound is unusable and dropped (any multipliers give a valid bound).
                var side = y > 0 ? row.Upper : row.Lower;
                if (y == 0 || double.IsInfinity(side))
                {
                    continue;
                }

                var multiplier = T.CreateChecked(y);
                rowsPart += Int128.CreateChecked(multiplier * Whole(side));
                for (var k = 0; k < row.Vars.Length; k++)
                {
                    reduced[row.Vars[k]] -= multiplier * Whole(row.Coefs[k]);
                }
            }

            Int128 all = rowsPart, solved = rowsPart;
            for (var v = 0; v < reduced.Length; v++)
            {
                var atLower = Int128.CreateChecked(reduced[v] * Whole(lowerBounds[v]));
                var term = Int128.Max(atLower, Int128.CreateChecked(reduced[v] * Whole(upperBounds[v])));
                all += term;
                solved += active is null || active[v] ? term : atLower;
            }

            var wide = new Int128[reduced.Length];
            for (var v = 0; v < wide.Length; v++)
            {
                wide[v] = Int128.CreateChecked(reduced[v]);
            }

            return (all, solved, wide);
        }
    }
}
