using System.Diagnostics;
using Google.OrTools.Sat;

namespace Matching.Bench.Baselines;

/// <summary>How the naive model did.</summary>
/// <param name="Plan">The best plan found (empty when none).</param>
/// <param name="Status">CP-SAT's status.</param>
/// <param name="Booleans">Booleans in the model.</param>
/// <param name="Build">Time to judge every pair and build the model.</param>
/// <param name="Solve">CP-SAT's wall time.</param>
internal sealed record NaiveOutcome(Plan Plan, string Status, long Booleans, TimeSpan Build, TimeSpan Solve)
{
    public TimeSpan Total => Build + Solve;
}

/// <summary>
/// The CP-SAT model a competent developer writes first: one boolean per child and carer, every rule as a
/// constraint (a refused pair is a boolean fixed to 0), no candidate pruning, no decomposition, no flow, and one
/// weighted objective (a big weight per child placed, plus the score). It judges pairs with the engine's rule
/// code, so on the same batch its optimum is the engine's.
/// </summary>
internal static class NaiveCpSat
{
    public static NaiveOutcome Solve(BatchView view, TimeSpan limit, int workers, int seed)
    {
        var build = Stopwatch.StartNew();
        var rules = view.Rules;
        var children = view.Groups.SelectMany(g => g.Children).ToArray();
        var carers = view.Carers;
        var n = children.Length;
        var m = carers.Count;
        var model = new CpModel();
        var x = new BoolVar[n, m];
        var score = new long[n, m];
        var allowed = new bool[n, m];
        long booleans = 0;
        long maxAbs = 0;
        for (var c = 0; c < n; c++)
        {
            for (var j = 0; j < m; j++)
            {
                x[c, j] = model.NewBoolVar($"x_{c}_{j}");
                booleans++;
                allowed[c, j] = view.Allows(children[c], carers[j]);
                if (!allowed[c, j])
                {
                    model.Add(x[c, j] == 0);
                }
                else
                {
                    score[c, j] = view.Milli(children[c], carers[j]);
                    maxAbs = Math.Max(maxAbs, Math.Abs(score[c, j]));
                }
            }

            model.AddAtMostOne(Row(x, c, m));
            if (view.Pins.TryGetValue(children[c].Id, out var pinned) && view.CarerIndex.TryGetValue(pinned, out var pj))
            {
                model.Add(x[c, pj] == 1);
            }
        }

        var index = children.Select((child, i) => (child.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var splitMilli = view.SplitMilli;
        var farMilli = view.FarMilli;

        // y[g, j]: group g uses carer j (the first child's boolean when the group stays together).
        var y = new BoolVar[view.Groups.Count, m];
        var penalties = new List<LinearExpr>();
        for (var g = 0; g < view.Groups.Count; g++)
        {
            var group = view.Groups[g];
            var members = group.Children.Select(ch => index[ch.Id]).ToArray();
            var split = view.SplitAllowed(group) && members.Length > 1;
            for (var j = 0; j < m; j++)
            {
                if (!split)
                {
                    for (var k = 1; k < members.Length; k++)
                    {
                        model.Add(x[members[k], j] == x[members[0], j]);
                    }

                    y[g, j] = x[members[0], j];
                    continue;
                }

                y[g, j] = model.NewBoolVar($"y_{g}_{j}");
                booleans++;
                var uses = members.Select(c => (ILiteral)x[c, j]).ToArray();
                foreach (var c in members)
                {
                    model.AddImplication(x[c, j], y[g, j]);
                }

                model.AddBoolOr([.. uses, y[g, j].Not()]);
                model.Add(LinearExpr.Sum(members.Select(c => x[c, j])) <= carers[j].EffectiveMaxGroup);
            }

            if (split)
            {
                var spread = LinearExpr.Sum(Enumerable.Range(0, m).Select(j => y[g, j]));
                var extra = model.NewIntVar(0, m, $"extra_{g}");
                var isSplit = model.NewBoolVar($"split_{g}");
                booleans++;
                model.Add(extra >= spread - 1);
                model.Add(spread <= 1).OnlyEnforceIf(isSplit.Not());
                penalties.Add(extra * splitMilli);
                foreach (var c in members)
                {
                    var farArcs = Enumerable.Range(0, m).Where(j => view.IsFarWhenSplit(children[c], carers[j])).Select(j => x[c, j]).ToArray();
                    if (farArcs.Length == 0 || farMilli == 0)
                    {
                        continue;
                    }

                    var far = model.NewBoolVar($"far_{c}");
                    booleans++;
                    model.Add(far >= LinearExpr.Sum(farArcs) + isSplit - 1);
                    penalties.Add(far * farMilli);
                }
            }
        }

        var permanent = view.Groups.Select(BatchView.IsPermanence).ToArray();
        for (var j = 0; j < m; j++)
        {
            var carer = carers[j];
            var load = LinearExpr.Sum(Enumerable.Range(0, n).Select(c => x[c, j]));
            var groupsHere = LinearExpr.Sum(Enumerable.Range(0, view.Groups.Count).Select(g => y[g, j]));
            if (rules.CapacityOn)
            {
                model.Add(load <= carer.FreePlaces);
            }

            if (rules.FosteringLimitOn)
            {
                if (carer.Placed > 0)
                {
                    model.Add(load <= Math.Max(0, rules.FosteringLimit.Limit - carer.Placed));
                }
                else
                {
                    var mixed = model.NewBoolVar($"mixed_{j}");
                    booleans++;
                    model.Add(groupsHere <= 1).OnlyEnforceIf(mixed.Not());
                    model.Add(load <= rules.FosteringLimit.Limit).OnlyEnforceIf(mixed);
                }
            }

            if (rules.PermanenceSoleOn)
            {
                var holdsPermanence = model.NewBoolVar($"perm_{j}");
                booleans++;
                for (var g = 0; g < view.Groups.Count; g++)
                {
                    if (permanent[g])
                    {
                        model.AddImplication(y[g, j], holdsPermanence);
                    }
                }

                model.Add(groupsHere <= 1).OnlyEnforceIf(holdsPermanence);
            }
        }

        // One child placed must outweigh any change of score: twice the largest pair score per child, plus every penalty.
        var big = checked((2 * maxAbs * n) + (splitMilli * n) + (farMilli * n) + 1);
        var objective = LinearExpr.NewBuilder();
        for (var c = 0; c < n; c++)
        {
            for (var j = 0; j < m; j++)
            {
                if (allowed[c, j])
                {
                    objective.AddTerm(x[c, j], checked(big + score[c, j]));
                }
            }
        }

        foreach (var p in penalties)
        {
            objective.AddTerm(p, -1);
        }

        model.Maximize(objective);
        build.Stop();

        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{limit.TotalSeconds} num_workers:{workers} random_seed:{seed}"),
        };
        var timer = Stopwatch.StartNew();
        var status = solver.Solve(model);
        timer.Stop();
        var carerOf = new List<KeyValuePair<string, string>>();
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            for (var c = 0; c < n; c++)
            {
                for (var j = 0; j < m; j++)
                {
                    if (solver.BooleanValue(x[c, j]))
                    {
                        carerOf.Add(KeyValuePair.Create(children[c].Id, carers[j].Id));
                    }
                }
            }
        }

        var plan = Plan.From("naive CP-SAT", carerOf, status == CpSolverStatus.Optimal);
        return new NaiveOutcome(plan, status.ToString(), booleans, build.Elapsed, timer.Elapsed);
    }

    private static BoolVar[] Row(BoolVar[,] x, int c, int m)
    {
        var row = new BoolVar[m];
        for (var j = 0; j < m; j++)
        {
            row[j] = x[c, j];
        }

        return row;
    }
}
