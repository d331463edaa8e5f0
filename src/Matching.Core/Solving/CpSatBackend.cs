using System.Globalization;
using Google.OrTools.Sat;

namespace Matching.Solving;

/// <summary>
/// The exact general back end: CP-SAT with a lexicographic objective, solved one objective after the other
/// (maximise children placed; fix it; maximise the score), not with one huge weighted sum.
/// One named boolean per arc; every side rule is a small constraint over them.
/// </summary>
internal static class CpSatBackend
{
    public static AssignmentSolution Solve(AssignmentModel m, AssignmentSolverOptions options, int[]? hint, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var x = new BoolVar[m.ArcCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            x[a] = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"x{a}"));
        }

        var index = new ModelIndex(m);
        var arcsOfItem = index.ArcsOfItem;
        var arcsOfBin = index.ArcsOfBin;
        var itemsOfFamily = index.ItemsOfFamily;

        // One carer per item; pins fixed; generalized assignment places every item.
        for (var i = 0; i < m.ItemCount; i++)
        {
            var arcs = arcsOfItem[i].Select(a => x[a]).ToArray();
            if (m.AssignAll)
            {
                model.AddExactlyOne(arcs);
            }
            else
            {
                model.AddAtMostOne(arcs);
            }

            if (m.ItemForcedArc[i] >= 0)
            {
                model.Add(x[m.ItemForcedArc[i]] == 1);
            }
        }

        // A family is "at" a bin when any of its items is there. A single-item family's presence is its arc.
        var presence = new Dictionary<(int Family, int Bin), ILiteral>();
        foreach (var (key, arcs) in index.FamilyArcsAtBin)
        {
            if (arcs.Length == 1)
            {
                presence[key] = x[arcs[0]];
                continue;
            }

            var f = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"f{key.Family}_{key.Bin}"));
            foreach (var a in arcs)
            {
                model.AddImplication(x[a], f);
            }

            model.AddBoolOr([.. arcs.Select(a => (ILiteral)x[a]), f.Not()]);
            presence[key] = f;
            var load = arcs.Sum(a => (long)m.ArcLoad[a]);
            if (load > m.BinFamilyLoadCap[key.Bin])
            {
                model.Add(LinearExpr.WeightedSum(arcs.Select(a => x[a]), arcs.Select(a => (long)m.ArcLoad[a])) <= m.BinFamilyLoadCap[key.Bin]);
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
            if (exclusive.Length == arcs.Length)
            {
                // A household to one family (permanence): an at-most-one, the tightest form for the LP. Each
                // arc's load already fits the capacity (pair rules), and one family alone is never "mixed".
                model.AddAtMostOne(present);
                if (families.Length == arcs.Length)
                {
                    continue;
                }
            }

            var loadExpr = LinearExpr.WeightedSum(arcs.Select(a => x[a]), arcs.Select(a => (long)m.ArcLoad[a]));
            var totalLoad = arcs.Sum(a => (long)m.ArcLoad[a]);
            if (totalLoad > m.BinCapacity[b])
            {
                model.Add(loadExpr <= m.BinCapacity[b]);
            }

            if (families.Length < 2 || exclusive.Length == arcs.Length)
            {
                continue;
            }

            if (m.BinMixedCapacity[b] < m.BinCapacity[b] && totalLoad > m.BinMixedCapacity[b])
            {
                // Mixing families is allowed only up to the mixed capacity (the usual fostering limit).
                var mixed = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"mixed{b}"));
                model.Add(loadExpr <= m.BinMixedCapacity[b]).OnlyEnforceIf(mixed);
                model.Add(LinearExpr.Sum(present) <= 1).OnlyEnforceIf(mixed.Not());
            }

            foreach (var a in exclusive)
            {
                model.Add(LinearExpr.Sum(present) <= 1).OnlyEnforceIf(x[a]);
            }
        }

        // Score: arc scores, minus split penalties for families spread over several bins.
        var scoreVars = new List<ILiteral>(x);
        var scoreCoefs = new List<long>(m.ArcScore);
        for (var g = 0; g < m.FamilyCount; g++)
        {
            if (itemsOfFamily[g].Length < 2 || (m.FamilySplitPenalty[g] == 0 && m.FamilyFarPenalty[g] == 0))
            {
                continue;
            }

            var binsOfFamily = index.BinsOfFamily[g];
            if (binsOfFamily.Length < 2)
            {
                continue;
            }

            var parts = binsOfFamily.Select(b => presence[(g, b)]).ToArray();
            var any = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"any{g}"));
            model.AddBoolOr([.. parts, any.Not()]);
            foreach (var p in parts)
            {
                scoreVars.Add(p);
                scoreCoefs.Add(-m.FamilySplitPenalty[g]);
            }

            scoreVars.Add(any);
            scoreCoefs.Add(m.FamilySplitPenalty[g]);

            var farArcs = itemsOfFamily[g].SelectMany(i => arcsOfItem[i]).Where(a => m.ArcFar[a]).Order().ToArray();
            if (m.FamilyFarPenalty[g] > 0 && farArcs.Length > 0)
            {
                // split = 1 whenever two or more bins are used; a far arc used in a split group costs extra.
                var split = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"split{g}"));
                model.Add(LinearExpr.Sum(parts) <= 1 + ((parts.Length - 1) * (LinearExpr)split));
                foreach (var a in farArcs)
                {
                    var y = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"far{a}"));
                    model.AddBoolOr([x[a].Not(), split.Not(), y]);
                    scoreVars.Add(y);
                    scoreCoefs.Add(-m.FamilyFarPenalty[g]);
                }
            }
        }

        var scoreExpr = LinearExpr.WeightedSum(scoreVars, scoreCoefs);
        var valueExpr = LinearExpr.WeightedSum(x, m.ArcItem.Select(i => (long)m.ItemValue[i]));

        if (hint is not null)
        {
            for (var a = 0; a < m.ArcCount; a++)
            {
                model.AddHint(x[a], hint[m.ArcItem[a]] == a);
            }
        }

        using var solver = new CpSolver();
        using var registration = cancellationToken.Register(solver.StopSearch);
        var started = System.Diagnostics.Stopwatch.StartNew();
        solver.StringParameters = Parameters(options, options.TimeLimit);

        // Phase 1: most value placed (skipped when every item must be placed anyway).
        long value;
        var valueProved = true;
        if (!m.AssignAll)
        {
            model.Maximize(valueExpr);
            var s1 = solver.Solve(model);
            cancellationToken.ThrowIfCancellationRequested();
            if (s1 is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return Failed(m, s1);
            }

            value = (long)Math.Round(solver.ObjectiveValue);
            valueProved = s1 == CpSolverStatus.Optimal;
            model.ClearHints();
            for (var a = 0; a < m.ArcCount; a++)
            {
                model.AddHint(x[a], solver.BooleanValue(x[a]));
            }

            model.Model.Objective = null;
            model.Add(valueExpr >= value);
        }

        // Phase 2: best score among the plans that place that much.
        model.Maximize(scoreExpr);
        var remaining = options.TimeLimit - started.Elapsed;
        solver.StringParameters = Parameters(options, remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1));
        var s2 = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        if (s2 is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return Failed(m, s2);
        }

        var itemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        value = 0;
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (solver.BooleanValue(x[a]))
            {
                itemArc[m.ArcItem[a]] = a;
                value += m.ItemValue[m.ArcItem[a]];
            }
        }

        var score = (long)Math.Round(solver.ObjectiveValue);
        var bound = (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
        var optimal = valueProved && s2 == CpSolverStatus.Optimal;
        return new AssignmentSolution
        {
            ItemArc = itemArc,
            Status = optimal ? SolveStatus.Optimal : SolveStatus.Feasible,
            Value = value,
            Score = score,
            ScoreBound = optimal ? score : valueProved ? Math.Max(score, bound) : null,
            Method = "cp-sat",
        };
    }

    private static string Parameters(AssignmentSolverOptions options, TimeSpan limit)
    {
        var seconds = Math.Max(0.01, limit.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);

        // Reproducible: one worker and a fixed seed, stopped by a deterministic work limit, so the same model
        // always gives the same plan (the wall-clock limit is only a safety net). Parallelism comes from solving
        // components and shortlist alternatives side by side. Linearization level 2 puts the assignment
        // structure into CP-SAT's linear relaxation, which is what proves these models optimal quickly.
        return string.Create(CultureInfo.InvariantCulture, $"random_seed:{options.Seed} num_workers:1 linearization_level:2 max_deterministic_time:{seconds} max_time_in_seconds:{(limit.TotalSeconds * 4) + 1:0.###}");
    }

    private static AssignmentSolution Failed(AssignmentModel m, CpSolverStatus status) => new()
    {
        ItemArc = Enumerable.Repeat(-1, m.ItemCount).ToArray(),
        Status = status == CpSolverStatus.Infeasible ? SolveStatus.Infeasible : SolveStatus.NoSolution,
        Value = 0,
        Score = 0,
        ScoreBound = null,
        Method = "cp-sat",
    };
}
