using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// The exact back end for components with side rules that min-cost flow cannot carry (sibling groups of several
/// children at households with several places, groups that may split, households shared only by some plans).
/// A mixed-integer program solved by SCIP through OR-Tools: assignment structure gives it a nearly integral
/// linear relaxation, so it proves optimality far faster than search alone. Lexicographic, one objective after
/// the other: most children placed; fixed; best score. SCIP runs single-threaded and is deterministic.
/// </summary>
internal static class MipBackend
{
    public static AssignmentSolution Solve(AssignmentModel m, AssignmentSolverOptions options, CancellationToken cancellationToken)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available in this OR-Tools build.");
        solver.SuppressOutput();
        var x = new Variable[m.ArcCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            x[a] = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"x{a}"));
        }

        var index = new ModelIndex(m);
        var arcsOfItem = index.ArcsOfItem;
        var arcsOfBin = index.ArcsOfBin;
        var itemsOfFamily = index.ItemsOfFamily;
        Constraint Row(double lb, double ub) => solver.MakeConstraint(lb, ub);

        for (var i = 0; i < m.ItemCount; i++)
        {
            var row = Row(m.AssignAll ? 1 : 0, 1);
            foreach (var a in arcsOfItem[i])
            {
                row.SetCoefficient(x[a], 1);
            }

            if (m.ItemForcedArc[i] >= 0)
            {
                x[m.ItemForcedArc[i]].SetLb(1);
            }
        }

        // Presence of a family at a bin: its arc when it has one item there, else a variable tied to its arcs.
        var presence = new Dictionary<(int Family, int Bin), Variable>();
        foreach (var (key, arcs) in index.FamilyArcsAtBin)
        {
            if (arcs.Length == 1)
            {
                presence[key] = x[arcs[0]];
                continue;
            }

            var f = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"f{key.Family}_{key.Bin}"));
            presence[key] = f;
            var upper = Row(double.NegativeInfinity, 0);
            upper.SetCoefficient(f, 1);
            foreach (var a in arcs)
            {
                var lower = Row(double.NegativeInfinity, 0);
                lower.SetCoefficient(x[a], 1);
                lower.SetCoefficient(f, -1);
                upper.SetCoefficient(x[a], -1);
            }

            if (arcs.Sum(a => (long)m.ArcLoad[a]) > m.BinFamilyLoadCap[key.Bin])
            {
                var cap = Row(double.NegativeInfinity, m.BinFamilyLoadCap[key.Bin]);
                foreach (var a in arcs)
                {
                    cap.SetCoefficient(x[a], m.ArcLoad[a]);
                }
            }
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            var arcs = arcsOfBin[b];
            if (arcs.Length == 0)
            {
                continue;
            }

            var families = index.FamiliesAtBin[b];
            var present = families.Select(f => presence[(f, b)]).ToArray();
            var exclusive = arcs.Where(a => m.ArcExclusive[a]).ToArray();
            var totalLoad = arcs.Sum(a => (long)m.ArcLoad[a]);
            if (exclusive.Length == arcs.Length)
            {
                var one = Row(double.NegativeInfinity, 1);
                foreach (var p in present)
                {
                    one.SetCoefficient(p, 1);
                }

                if (families.Length == arcs.Length)
                {
                    continue;
                }
            }

            if (totalLoad > m.BinCapacity[b])
            {
                var cap = Row(double.NegativeInfinity, m.BinCapacity[b]);
                foreach (var a in arcs)
                {
                    cap.SetCoefficient(x[a], m.ArcLoad[a]);
                }
            }

            if (families.Length < 2 || exclusive.Length == arcs.Length)
            {
                continue;
            }

            if (m.BinMixedCapacity[b] < m.BinCapacity[b] && totalLoad > m.BinMixedCapacity[b])
            {
                // mixed = 1 when two or more families are present; then the load must fit the mixed capacity.
                var mixed = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"mixed{b}"));
                var count = Row(double.NegativeInfinity, 1);
                foreach (var p in present)
                {
                    count.SetCoefficient(p, 1);
                }

                count.SetCoefficient(mixed, -(families.Length - 1));
                var load = Row(double.NegativeInfinity, m.BinCapacity[b]);
                foreach (var a in arcs)
                {
                    load.SetCoefficient(x[a], m.ArcLoad[a]);
                }

                load.SetCoefficient(mixed, m.BinCapacity[b] - m.BinMixedCapacity[b]);
            }

            foreach (var a in exclusive)
            {
                // Using an exclusive arc leaves no room for another family at the bin.
                var others = Row(double.NegativeInfinity, families.Length - 1);
                foreach (var f in families.Where(f => f != m.ItemFamily[m.ArcItem[a]]))
                {
                    others.SetCoefficient(presence[(f, b)], 1);
                }

                others.SetCoefficient(x[a], families.Length - 1);
            }
        }

        // Score terms beyond the arcs: split penalties of families spread over several bins.
        var scoreTerms = new List<(Variable Var, double Coef)>();
        for (var a = 0; a < m.ArcCount; a++)
        {
            scoreTerms.Add((x[a], m.ArcScore[a]));
        }

        for (var g = 0; g < m.FamilyCount; g++)
        {
            if (itemsOfFamily[g].Length < 2 || (m.FamilySplitPenalty[g] == 0 && m.FamilyFarPenalty[g] == 0))
            {
                continue;
            }

            var parts = index.BinsOfFamily[g].Select(b => presence[(g, b)]).ToArray();
            if (parts.Length < 2)
            {
                continue;
            }

            var any = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"any{g}"));
            var anyRow = Row(double.NegativeInfinity, 0);
            anyRow.SetCoefficient(any, 1);
            foreach (var p in parts)
            {
                anyRow.SetCoefficient(p, -1);
                scoreTerms.Add((p, -m.FamilySplitPenalty[g]));
            }

            scoreTerms.Add((any, m.FamilySplitPenalty[g]));
            var farArcs = itemsOfFamily[g].SelectMany(i => arcsOfItem[i]).Where(a => m.ArcFar[a]).Order().ToArray();
            if (m.FamilyFarPenalty[g] > 0 && farArcs.Length > 0)
            {
                var split = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"split{g}"));
                var splitRow = Row(double.NegativeInfinity, 1);
                foreach (var p in parts)
                {
                    splitRow.SetCoefficient(p, 1);
                }

                splitRow.SetCoefficient(split, -(parts.Length - 1));
                foreach (var a in farArcs)
                {
                    var y = solver.MakeBoolVar(string.Create(CultureInfo.InvariantCulture, $"far{a}"));
                    var yRow = Row(double.NegativeInfinity, 1);
                    yRow.SetCoefficient(x[a], 1);
                    yRow.SetCoefficient(split, 1);
                    yRow.SetCoefficient(y, -1);
                    scoreTerms.Add((y, -m.FamilyFarPenalty[g]));
                }
            }
        }

        using var registration = cancellationToken.Register(() => solver.InterruptSolve());
        var objective = solver.Objective();
        objective.SetMaximization();

        // One solve of the lexicographic objective: each child placed is worth more than the widest possible
        // difference in score between any two plans, so the most children come first, then the best score.
        // (Fixing the count and re-solving, as CP-SAT does, adds a knapsack row that spoils the otherwise
        // near-integral relaxation; the weighted form keeps it.) Every coefficient is an integer well inside
        // double precision, and an absolute gap below one milli-point makes "optimal" exact.
        // More than the widest score difference between two plans: each item's arc score lies within plus or
        // minus its largest magnitude (it takes one arc or none), and every other term within its coefficient.
        long spread = 1;
        var itemSpread = new long[m.ItemCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            itemSpread[m.ArcItem[a]] = Math.Max(itemSpread[m.ArcItem[a]], Math.Abs(m.ArcScore[a]));
        }

        foreach (var v in itemSpread)
        {
            spread = checked(spread + (2 * v)); // a plan's arc scores lie within plus or minus the sum
        }

        foreach (var (_, c) in scoreTerms.Skip(m.ArcCount))
        {
            spread = checked(spread + (long)Math.Abs(c));
        }

        var childWeight = m.AssignAll ? 0 : spread;
        for (var a = 0; a < m.ArcCount; a++)
        {
            objective.SetCoefficient(x[a], checked((m.ItemValue[m.ArcItem[a]] * childWeight) + m.ArcScore[a]));
        }

        foreach (var (v, c) in scoreTerms.Skip(m.ArcCount))
        {
            objective.SetCoefficient(v, objective.GetCoefficient(v) + c);
        }

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

    private static long Milliseconds(TimeSpan t) => Math.Max(1, (long)t.TotalMilliseconds);

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
