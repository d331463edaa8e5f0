using System.Diagnostics;
using System.Globalization;
using System.Text;
using Matching.Bench.Infrastructure;
using Matching.Bench.Scenarios;

namespace Matching.Bench.Baselines;

/// <summary>
/// The engine against greedy placement (as family finders work today) on the same batches, over several seeds:
/// children placed, contact miles, identity matches and score, each plan checked and scored by the bench's
/// own evaluator with the engine's rule code.
/// </summary>
internal static class GreedyReport
{
    public static string Run(IReadOnlyList<ScenarioSpec> specs, int seeds, TimeSpan limit, TextWriter log)
    {
        var sb = new StringBuilder();
        sb.Append("# Engine vs greedy placement\n\n");
        sb.Append("Greedy is how family finders work today: children in order of waiting time (longest first), each takes the ")
          .Append("best eligible carer still free (same hard rules, same soft score). Both plans are checked and scored by the ")
          .Append("bench's independent plan evaluator. Each cell is the mean over seeds with its 95% Student-t confidence interval; ")
          .Append("\"difference\" is engine minus greedy, paired by seed.\n\n");
        sb.Append("Identity match: a placed child for whom the ethnicity, religion and language rules all find no mismatch. ")
          .Append("Contact miles: mean straight-line miles to the contact venue over placed children with a venue.\n\n");
        sb.Append(MachineInfo.Describe()).Append('\n');
        foreach (var spec in specs)
        {
            var runs = new List<(PlanMetrics Engine, PlanMetrics Greedy, double EngineMs, double GreedyMs, string Status)>();
            var failures = new List<string>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var problem = spec.Problem(seed);
                var view = new BatchView(problem);
                var watch = Stopwatch.StartNew();
                MatchingResult result;
                try
                {
                    result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 0, TimeLimit = limit, Explain = false });
                }
                catch (Exception ex) when (EngineFailure.Is(ex))
                {
                    // A benchmark reports an engine failure rather than dying of it; the seed is left out of the means.
                    var inner = EngineFailure.Root(ex);
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: the engine threw {inner.GetType().Name} ({inner.Message}) after {watch.Elapsed.TotalSeconds:N0} s"));
                    log.WriteLine(failures[^1]);
                    continue;
                }

                var engineMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var greedy = Greedy.Solve(view);
                var greedyMs = watch.Elapsed.TotalMilliseconds;
                var e = PlanEvaluator.Evaluate(view, PlanEvaluator.FromResult(result));
                var g = PlanEvaluator.Evaluate(view, greedy);
                runs.Add((e, g, engineMs, greedyMs, result.Status.ToString()));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{spec.Name} seed {seed}: engine {e.ChildrenPlaced} placed ({result.Status}, {engineMs:F0} ms), greedy {g.ChildrenPlaced} ({greedyMs:F0} ms)"));
            }

            sb.Append("## ").Append(spec.Name).Append(": ").Append(spec.Title).Append(" (").Append(spec.Size)
              .Append(", ").Append(seeds.ToString(CultureInfo.InvariantCulture)).Append(" seeds)\n\n");
            var table = new MarkdownTable("measure", "engine", "greedy", "difference");
            Add(table, "children placed", runs, m => m.ChildrenPlaced, 1);
            Add(table, "placed (% of children)", runs, m => 100.0 * m.ChildrenPlaced / spec.Children, 1);
            Add(table, "contact miles (mean per child)", runs, m => m.ContactMilesMean, 1);
            Add(table, "identity matches", runs, m => m.IdentityMatches, 1);
            Add(table, "identity matches (% of placed)", runs, m => m.ChildrenPlaced == 0 ? 0 : 100.0 * m.IdentityMatches / m.ChildrenPlaced, 1);
            Add(table, "score (points)", runs, m => (double)m.ScorePoints, 0);
            table.Add("time (ms)", MeanInterval.Of([.. runs.Select(r => r.EngineMs)]).Format(0), MeanInterval.Of([.. runs.Select(r => r.GreedyMs)]).Format(0), "");
            sb.Append(table).Append('\n');
            foreach (var failure in failures)
            {
                sb.Append("- Left out: ").Append(failure).Append('\n');
            }

            if (failures.Count > 0)
            {
                sb.Append('\n');
            }

            var invalid = runs.Sum(r => r.Engine.Violations.Count + r.Greedy.Violations.Count);
            sb.Append("Engine status per seed: ").AppendJoin(", ", runs.Select(r => r.Status.ToLowerInvariant())).Append(". ")
              .Append(invalid == 0 ? "Every plan kept every hard rule." : $"Hard-rule violations found: {invalid} (see the log).").Append("\n\n");
            foreach (var v in runs.SelectMany(r => r.Engine.Violations.Select(x => "engine: " + x).Concat(r.Greedy.Violations.Select(x => "greedy: " + x))).Take(10))
            {
                sb.Append("- ").Append(v).Append('\n');
            }

            ResultsFolder.WriteRaw("greedy-" + spec.Name, new GreedySummary(
                spec.Name,
                seeds,
                MeanInterval.Of([.. runs.Select(r => (double)(r.Engine.ChildrenPlaced - r.Greedy.ChildrenPlaced))]).Format(1),
                MeanInterval.Of([.. runs.Select(r => r.Engine.ContactMilesMean - r.Greedy.ContactMilesMean)]).Format(1),
                MeanInterval.Of([.. runs.Select(r => (double)(r.Engine.IdentityMatches - r.Greedy.IdentityMatches))]).Format(1)));
        }

        return sb.ToString();
    }

    private static void Add(MarkdownTable table, string name, List<(PlanMetrics Engine, PlanMetrics Greedy, double EngineMs, double GreedyMs, string Status)> runs, Func<PlanMetrics, double> f, int decimals) =>
        table.Add(
            name,
            MeanInterval.Of([.. runs.Select(r => f(r.Engine))]).Format(decimals),
            MeanInterval.Of([.. runs.Select(r => f(r.Greedy))]).Format(decimals),
            MeanInterval.Of([.. runs.Select(r => f(r.Engine) - f(r.Greedy))]).Format(decimals));
}
