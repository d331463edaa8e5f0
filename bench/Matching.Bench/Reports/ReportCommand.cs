using System.Globalization;
using Matching.Bench.Baselines;
using Matching.Bench.External;
using Matching.Bench.Infrastructure;
using Matching.Bench.Scenarios;
using Matching.Model;

namespace Matching.Bench.Reports;

/// <summary>
/// The "report" mode: measurements that are not BenchmarkDotNet timings (quality against known optima, greedy with
/// confidence intervals, peak working set, the naive model's one long run), written as markdown into bench/results.
/// </summary>
internal static class ReportCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Matching.Bench -- report <what> [options]
          gap [small|large|all] [--limit SECONDS]   GAP sets vs known values (large: limit per instance, default 10)
          lap                                       OR-Library assign* vs raw LinearSumAssignment
          scenario NAME [--seed N] [--limit S] [--explain-limit S]
                                                    one scenario (S, M, L, XL, XXL): phases, memory (run each in its own
                                                    process); explanations in a second run, 0 skips them (default 600 s);
                                                    --memory-cap-mb stops a run past that working set (default 8192)
          greedy NAMES [--seeds N] [--limit S]      engine vs greedy over seeds 1..N (NAMES comma-separated, e.g. S,M,L)
          naive NAME [--seed N] [--limit S]         engine vs the naive CP-SAT model (limit is the naive model's)
          weeks [--fostering A-B] [--mixed C-D] [--runs N]
                                                    the explanation phase over generated weeks (default fostering
                                                    1-20, mixed 21-30, fastest of 1 run each) into weeks.md
          summary                                   results/README.md and the headline in bench/README.md from results/raw
        anything else runs BenchmarkDotNet (e.g. --filter '*Gap*' --job Dry)
        """;

    public static int Run(string[] args, TextWriter log)
    {
        if (args.Length < 2)
        {
            log.WriteLine(Usage);
            return 64;
        }

        var what = args[1];
        var positional = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
        switch (what)
        {
            case "gap":
                var selection = positional ?? "all";
                var gap = GapReport.Run(selection, TimeSpan.FromSeconds(Number(args, "--limit", 10)), log);
                return Written(gap, selection == "all" ? "gap.md" : $"gap-{selection}.md", log);
            case "lap":
                return Written(LapReport.Run(log), "lap.md", log);
            case "scenario":
            {
                var spec = ScenarioSpec.ByName(positional ?? throw new ArgumentException("name the scenario"));
                var explain = Number(args, "--explain-limit", 600);
                var m = ScenarioRunner.Run(
                    spec, (int)Number(args, "--seed", spec.Seed), TimeSpan.FromSeconds(Number(args, "--limit", 120)),
                    explain > 0 ? TimeSpan.FromSeconds(explain) : null, Number(args, "--memory-cap-mb", 8192), log);
                ResultsFolder.WriteRaw("scenario-" + spec.Name, m);
                return 0;
            }

            case "greedy":
            {
                var specs = (positional ?? "S,M").Split(',').Select(ScenarioSpec.ByName).ToList();
                var md = GreedyReport.Run(specs, (int)Number(args, "--seeds", 5), TimeSpan.FromSeconds(Number(args, "--limit", 60)), log);
                // The usual comparison goes to greedy.md; a one-off at other sizes gets its own file.
                return Written(md, positional is null or "S,M" or "S,M,L" ? "greedy.md" : $"greedy-{positional.Replace(',', '-')}.md", log);
            }

            case "naive":
            {
                var spec = ScenarioSpec.ByName(positional ?? "M");
                NaiveReport.Run(spec, (int)Number(args, "--seed", 1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(Number(args, "--limit", 600)), log);
                return 0;
            }

            case "describe":
            {
                var spec = ScenarioSpec.ByName(positional ?? "M");
                var problem = spec.Problem((int)Number(args, "--seed", spec.Seed));
                var groups = SiblingGroup.Form(problem.Children);
                log.WriteLine($"{spec.Name} (seed {spec.Seed}, {problem.BatchDate:yyyy-MM-dd}): {problem.Children.Length} children in {groups.Length} groups; sizes " +
                    string.Join(", ", groups.GroupBy(g => g.Size).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")) +
                    $"; may split {groups.Count(g => g.Size > 1 && g.Rule == SiblingRule.MaySplit)}; types " +
                    string.Join(", ", problem.Children.GroupBy(c => c.PlacementType).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
                    $"; carers {problem.Carers.Length}, places " +
                    string.Join(", ", problem.Carers.GroupBy(c => c.FreePlaces).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")));
                return 0;
            }

            case "weeks":
                return Written(
                    WeeksReport.Run(Seeds(args, "--fostering", "1-20"), Seeds(args, "--mixed", "21-30"), (int)Number(args, "--runs", 1), log),
                    "weeks.md", log);

            case "summary":
            {
                var headline = Summary.WriteAll();
                BenchReadme.UpdateHeadline(headline);
                log.WriteLine("wrote bench/results/README.md and the headline of bench/README.md");
                return 0;
            }

            default:
                log.WriteLine(Usage);
                return 64;
        }
    }

    private static int Written(string? markdown, string file, TextWriter log)
    {
        if (markdown is null)
        {
            return 0; // skipped cleanly (the reason is in the log)
        }

        log.WriteLine("wrote " + ResultsFolder.WriteMarkdown(file, markdown));
        return 0;
    }

    /// <summary>The seeds of a range "A-B" (or one seed "A"; "none" for none) after the option, else of the fallback.</summary>
    private static List<int> Seeds(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        var text = i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        if (text == "none")
        {
            return [];
        }

        var parts = text.Split('-');
        var from = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var to = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : from;
        return [.. Enumerable.Range(from, Math.Max(0, to - from + 1))];
    }

    private static double Number(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length
            ? double.Parse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
    }
}
