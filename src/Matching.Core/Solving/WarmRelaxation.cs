using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// One GLOP model kept between relaxations of the same formulation, each with its own arc held in or kept off: the
/// columns priced in stay, cuts added stay (they hold for every plan), and each solve starts from the last basis, so
/// one costs a millisecond or two where building the model again costs ten. The bound of each solve is recomputed
/// from its duals over every column, as <see cref="LinearRelaxation.SolveByColumns"/> does, so it is proved whatever
/// the basis it started from. Not thread-safe: one pricing job owns one; the sequence of solves decides the plans
/// found, so a job's results depend only on the job.
/// </summary>
internal sealed class WarmRelaxation : IDisposable
{
    private readonly Solver solver;
    private readonly Variable?[] vars;
    private readonly List<Constraint?> rows = [];
    private readonly List<(int Row, double Coef)>[] entries;
    private readonly bool[] active;
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

        // A row that must hold something (an item that must be placed) keeps all its columns.
        foreach (var row in formulation.Rows.Where(r => r.Lower > 0 && !r.Vars.Any(v => active[v])))
        {
            foreach (var v in row.Vars)
            {
                Activate(v, formulation.Lower, upper);
            }
        }
    }

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
            var status = solver.Solve();
            cancellationToken.ThrowIfCancellationRequested();
            var relaxation = status == Solver.ResultStatus.OPTIMAL ? LinearRelaxation.FromSolver(f, solver, vars, rows, lower, upper, active) : null;
            if (relaxation is null)
            {
                if (alsoForced.Count > 0)
                {
                    return null;
                }

                var arcs = Enumerable.Range(0, f.ArcCount).Where(a => active[a]).ToArray();
                return LinearRelaxation.SolveByColumns(f, arcs, forcedArc, limit - clock.Elapsed, cancellationToken, rounds, excludedArcs);
            }

            var priced = Enumerable.Range(0, f.VarCount).Where(v => !active[v] && upper[v] > 0 && relaxation.Attracts(v)).ToArray();
            if (priced.Length == 0)
            {
                return relaxation.AsComplete([.. Enumerable.Range(0, f.ArcCount).Where(a => active[a])]);
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

    public void Dispose() => solver.Dispose();

    /// <summary>Indexes row r and loads it if one of its variables is loaded.</summary>
    private void Register(int r)
    {
        var row = Formulation.Rows[r];
        rows.Add(null);
        for (var k = 0; k < row.Vars.Length; k++)
        {
            entries[row.Vars[k]].Add((r, row.Coefs[k]));
            if (vars[row.Vars[k]] is { } x)
            {
                Constraint(r).SetCoefficient(x, row.Coefs[k]);
            }
        }
    }

    private Constraint Constraint(int r)
    {
        if (rows[r] is { } c)
        {
            return c;
        }

        var row = Formulation.Rows[r];
        return rows[r] = solver.MakeConstraint(row.Lower, row.Upper);
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
            Constraint(r).SetCoefficient(x, coef);
        }
    }
}
