using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// One GLOP model kept between relaxations of the same formulation, each with its own arc held in or kept off: the
/// columns priced in stay, cuts added stay (they hold for every plan), and each solve starts from the last basis, so
/// one costs a millisecond or two where building the model again costs ten. The bound of each solve is recomputed
/// from its duals over every column, as <see cref="LinearRelaxation.SolveByColumns"/> does, so it is proved whatever
/// the basis it started from. A row enters the model only once its loaded columns can break it, so the basis each
/// solve factorises grows with the columns loaded. (GLOP starts a solve after new columns nearly from scratch, about
/// 16 ms on a fostering week against 5 ms for one with only bounds or rows changed; loading every column up front
/// avoids that but makes every solve cost 10 ms.) Not thread-safe: one pricing job owns one; the sequence of solves
/// decides the plans found, so a job's results depend only on the job.
/// </summary>
internal sealed class WarmRelaxation : IDisposable
{
    private readonly Solver solver;
    private readonly Variable?[] vars;
    private readonly List<Constraint?> rows = [];
    private readonly List<(int Row, double Coef)>[] entries;
    private readonly bool[] active;

    /// <summary>Slack in the test of whether the loaded columns can break a row (its coefficients and bounds are integers).</summary>
    private const double Tolerance = 1e-9;

    private readonly HashSet<int> changed = [];

    public WarmRelaxation(MipFormulation formulation, IEnumerable<int> start)
    {
        Formulation = formulation;
        solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        solver.SuppressOutput();

        // Presolve would rebuild the problem each time and lose the basis; a held or excluded arc leaves the last basis
        // optimal but infeasible, which is the dual simplex's starting point.
        solver.SetSolverSpecificParametersAsString("use_preprocessing:false, use_dual_simplex:true");
        solver.Objective().SetMaximization();
        vars = new Variable?[formulation.VarCount];
        active = new bool[formulation.VarCount];
        entries = [.. Enumerable.Range(0, formulation.VarCount).Select(_ => new List<(int, double)>())];
        for (var r = 0; r < formulation.Rows.Count; r++)
        {
            Register(r);
        }

        var upper = formulation.Upper.ToArray();
        foreach (var a in start.Concat(Enumerable.Range(0, formulation.ArcCount).Where(a => formulation.Lower[a] > 0)))
        {
            Activate(a, formulation.Lower, upper);
        }

        for (var r = 0; r < formulation.Rows.Count; r++)
        {
            Require(r);
        }
    }

    /// <summary>True when column v is in the model (free within its bounds in each solve, unless held).</summary>
    internal bool IsLoaded(int v) => vars[v] is not null;

    /// <summary>True when row r of the formulation is in the model.</summary>
    internal bool IsRowLoaded(int r) => rows[r] is not null;

    /// <summary>Every solve starts from scratch on the model as it is (as after a failed solve); for tests.</summary>
    internal bool FreshStarts { get; set; }

    /// <summary>The formulation with every cut added so far.</summary>
    public MipFormulation Formulation { get; private set; }

    /// <summary>Adds rows that hold for every plan (cuts) to the formulation and to the model.</summary>
    public void AddRows(IReadOnlyCollection<MipFormulation.Row> cuts)
    {
        if (cuts.Count == 0)
        {
            return;
        }

        var first = Formulation.Rows.Count;
        Formulation = Formulation.WithRows(cuts);
        for (var r = first; r < Formulation.Rows.Count; r++)
        {
            Register(r);
            Require(r);
        }
    }

    /// <summary>
    /// The relaxation with one more row for this solve only (a sibling group's case): the row is then left free, in
    /// the model and the formulation, so the rows keep their places.
    /// </summary>
    public LinearRelaxation? SolveWith(MipFormulation.Row row, TimeSpan limit, CancellationToken cancellationToken)
    {
        AddRows([row]);
        var r = Formulation.Rows.Count - 1;
        try
        {
            return Solve(-1, null, limit, cancellationToken);
        }
        finally
        {
            Formulation = Formulation.WithRowFreed(r);
            rows[r]?.SetBounds(double.NegativeInfinity, double.PositiveInfinity);
        }
    }

    /// <summary>
    /// The relaxation with <paramref name="forcedArc"/> (or -1) held at 1 and each of <paramref name="excludedArcs"/> at
    /// 0, by column generation from the columns loaded so far; null when GLOP gives no proved optimum in time (after a
    /// cold try, as <see cref="LinearRelaxation.SolveByColumns"/> does it).
    /// </summary>
    public LinearRelaxation? Solve(int forcedArc, IReadOnlyCollection<int>? excludedArcs, TimeSpan limit, CancellationToken cancellationToken, int rounds = 30) =>
        Solve(forcedArc, [], excludedArcs, limit, cancellationToken, rounds);

    /// <summary>
    /// The same with more arcs held at 1 (a node of a branching): null also when GLOP fails there, since the cold
    /// column generation holds one arc only.
    /// </summary>
    public LinearRelaxation? Solve(int forcedArc, IReadOnlyCollection<int> alsoForced, IReadOnlyCollection<int>? excludedArcs, TimeSpan limit, CancellationToken cancellationToken, int rounds = 30)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var f = Formulation;
        var lower = f.Lower.ToArray();
        var upper = f.Upper.ToArray();
        foreach (var v in changed)
        {
            vars[v]?.SetBounds(lower[v], upper[v]);
        }

        changed.Clear();
        foreach (var e in excludedArcs ?? [])
        {
            upper[e] = 0;
            Hold(e, lower, upper);
        }

        foreach (var a in alsoForced.Prepend(forcedArc).Where(a => a >= 0))
        {
            lower[a] = 1;
            Hold(a, lower, upper);
            Activate(a, lower, upper);
        }

        using var registration = cancellationToken.Register(() => solver.InterruptSolve());
        for (var round = 0; ; round++)
        {
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            solver.SetTimeLimit(Math.Max(1, (long)left.TotalMilliseconds));
            if (FreshStarts)
            {
                solver.Reset();
            }

            var status = solver.Solve();
            cancellationToken.ThrowIfCancellationRequested();
            if (status == Solver.ResultStatus.ABNORMAL)
            {
                // GLOP can fail from a basis many changes old, and then keep failing on the solves after it (generated
                // fostering week 12: 21 of its pricing solves, each then solved cold by columns, 60-75 ms). Started
                // again from scratch on the same model it solves (there 2 of 2, 14 ms each), and the failures stop.
                solver.Reset();
                status = solver.Solve();
                cancellationToken.ThrowIfCancellationRequested();
            }

            var relaxation = status == Solver.ResultStatus.OPTIMAL ? LinearRelaxation.FromSolver(f, solver, vars, rows, lower, upper, active) : null;
            if (relaxation is null)
            {
                if (alsoForced.Count > 0)
                {
                    return null;
                }

                var arcs = LinearRelaxation.ActiveArcs(active, f.ArcCount);
                return LinearRelaxation.SolveByColumns(f, arcs, forcedArc, limit - clock.Elapsed, cancellationToken, rounds, excludedArcs);
            }

            var priced = relaxation.Attracting(active, upper);
            if (priced.Length == 0)
            {
                return relaxation.AsComplete(LinearRelaxation.ActiveArcs(active, f.ArcCount));
            }

            if (round == rounds)
            {
                return relaxation;
            }

            foreach (var v in priced)
            {
                Activate(v, lower, upper);
            }
        }
    }

    /// <summary>
    /// True when GLOP proves that no point of the whole relaxation (every column, not only those loaded) has these arcs
    /// held at 1 and kept off: no plan does. For a node whose solve here gave nothing, where the columns loaded may
    /// admit no point although the whole relaxation has one.
    /// </summary>
    public bool Empty(int forcedArc, IReadOnlyCollection<int> alsoForced, IReadOnlyCollection<int>? excludedArcs, TimeSpan limit, CancellationToken cancellationToken)
    {
        var lower = Formulation.Lower.ToArray();
        var upper = Formulation.Upper.ToArray();
        foreach (var e in excludedArcs ?? [])
        {
            upper[e] = 0;
        }

        foreach (var a in alsoForced.Append(forcedArc).Where(a => a >= 0))
        {
            lower[a] = 1;
        }

        return LinearRelaxation.Infeasible(Formulation, lower, upper, limit, cancellationToken);
    }

    public void Dispose() => solver.Dispose();

    /// <summary>Indexes row r, and loads it if the columns loaded can break it.</summary>
    private void Register(int r)
    {
        var row = Formulation.Rows[r];
        rows.Add(null);
        for (var k = 0; k < row.Vars.Length; k++)
        {
            entries[row.Vars[k]].Add((r, row.Coefs[k]));
        }

        if (CanBreak(r))
        {
            Materialise(r);
        }
    }

    /// <summary>
    /// True when row r has a column loaded and the columns loaded (within the formulation's bounds, every other one at
    /// its lower bound) can break it. A row they cannot break changes nothing in the model: it is loaded when a column
    /// that can is (many rows tie one arc to its sibling group's variables, which any arc of the group loads), so the
    /// model's rows, and the basis each solve factorises, grow with the arcs loaded rather than with their groups.
    /// (A row with no column loaded stays out, as before: column generation starts from the columns it has.)
    /// </summary>
    private bool CanBreak(int r) => Formulation.Rows[r].Vars.Any(v => vars[v] is not null) && Breakable(r);

    /// <summary>
    /// True when row r can be broken with each loaded column anywhere within the formulation's bounds and every other
    /// column at its lower bound (a free row never).
    /// </summary>
    private bool Breakable(int r)
    {
        var row = Formulation.Rows[r];
        if (double.IsNegativeInfinity(row.Lower) && double.IsPositiveInfinity(row.Upper))
        {
            return false;
        }

        double least = 0, most = 0;
        for (var k = 0; k < row.Vars.Length; k++)
        {
            var v = row.Vars[k];
            var atLower = row.Coefs[k] * Formulation.Lower[v];
            var atUpper = row.Coefs[k] * (vars[v] is null ? Formulation.Lower[v] : Formulation.Upper[v]);
            least += Math.Min(atLower, atUpper);
            most += Math.Max(atLower, atUpper);
        }

        return least < row.Lower - Tolerance || most > row.Upper + Tolerance;
    }

    /// <summary>
    /// Loads every column of row r when it has none loaded and needs one (an item that must be placed, a sibling
    /// group's case row asking for a split): left out, such a row would not hold in the model, and column generation,
    /// which prices columns by their reduced costs, would never bring one in.
    /// </summary>
    private void Require(int r)
    {
        var row = Formulation.Rows[r];
        if (row.Vars.Length == 0 || row.Vars.Any(v => vars[v] is not null) || !Breakable(r))
        {
            return;
        }

        var upper = Formulation.Upper.ToArray();
        foreach (var v in row.Vars)
        {
            Activate(v, Formulation.Lower, upper);
        }
    }

    /// <summary>Loads row r with the coefficients of every column loaded so far.</summary>
    private void Materialise(int r)
    {
        var row = Formulation.Rows[r];
        var c = rows[r] = solver.MakeConstraint(row.Lower, row.Upper);
        for (var k = 0; k < row.Vars.Length; k++)
        {
            if (vars[row.Vars[k]] is { } x)
            {
                c.SetCoefficient(x, row.Coefs[k]);
            }
        }
    }

    /// <summary>Sets the bounds of a variable that differ from the formulation's for this solve (if it is loaded).</summary>
    private void Hold(int v, double[] lower, double[] upper)
    {
        changed.Add(v);
        vars[v]?.SetBounds(lower[v], upper[v]);
    }

    /// <summary>Loads a column (an arc with the auxiliaries its rows tie it to), unless it is held at 0.</summary>
    private void Activate(int v, IReadOnlyList<double> lower, double[] upper)
    {
        if (active[v] || upper[v] == 0)
        {
            return;
        }

        Load(v, lower, upper);
        if (v < Formulation.ArcCount)
        {
            foreach (var (r, _) in entries[v].ToArray())
            {
                foreach (var w in Formulation.Rows[r].Vars)
                {
                    if (w >= Formulation.ArcCount && !active[w] && upper[w] > 0)
                    {
                        Load(w, lower, upper);
                    }
                }
            }
        }
    }

    private void Load(int v, IReadOnlyList<double> lower, double[] upper)
    {
        active[v] = true;
        var x = solver.MakeNumVar(lower[v], upper[v], string.Empty);
        vars[v] = x;
        if (Formulation.Objective[v] != 0)
        {
            solver.Objective().SetCoefficient(x, Formulation.Objective[v]);
        }

        foreach (var (r, coef) in entries[v])
        {
            if (rows[r] is { } c)
            {
                c.SetCoefficient(x, coef);
            }
            else if (CanBreak(r))
            {
                Materialise(r);
            }
        }
    }
}
