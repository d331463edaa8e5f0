using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Matching.Io;

namespace Matching.Cli.Commands;

/// <summary><c>matching solve</c>: read, check, solve, write the run folder, print a one-screen summary.</summary>
internal static class SolveCommand
{
    public static Command Create(CliEnvironment env)
    {
        var inputs = new BatchOptions();
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for the solver: the same files and seed always give the same proposals",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "Stop searching after this many seconds and report the best plan found",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 60,
        };
        timeLimit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var s && (!double.IsFinite(s) || s <= 0 || s > 86_400))
            {
                r.AddError("--time-limit must be a number of seconds above 0 (at most 86400)");
            }
        });
        var output = new Option<string>("--out")
        {
            Description = "Folder for the outputs (matches.csv, unmatched.csv, shortlist.csv, run.json, report.html); " +
                "an earlier run there is replaced",
            HelpName = "DIR",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of the summary (for other services)" };
        var exact = new Option<bool>("--exact-shortlists")
        {
            Description = "Prove every shortlist cost, however long the searches take; without it, a cost whose proof " +
                "would need a search of seconds (rare) is the best plan found with that carer, and its note says so",
        };
        var command = new Command(
            "solve",
            "Proposes a carer for as many children as possible, then the best matches, keeping every hard rule. " +
            "Writes the proposals, the children left unmatched with the reasons, shortlists and a report for the panel.");
        inputs.AddTo(command);
        command.Options.Add(seed);
        command.Options.Add(timeLimit);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(exact);
        command.SetAction(parse => Run(
            env, inputs, parse, new SolveOptions { Seed = parse.GetValue(seed), TimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)), ExactShortlists = parse.GetValue(exact) },
            parse.GetRequiredValue(output), parse.GetValue(json)));
        return command;
    }

    /// <summary>The exit code a solve result calls for: 0 solved, 3 pins in conflict, 4 no plan within the limit.</summary>
    internal static int ExitCodeFor(MatchingResult result) => result.Status switch
    {
        SolveStatus.Optimal or SolveStatus.Feasible => ExitCodes.Ok,
        SolveStatus.Infeasible when !result.PinConflicts.IsEmpty => ExitCodes.PinConflict,
        _ => ExitCodes.NoSolution,
    };

    private static int Run(CliEnvironment env, BatchOptions inputs, ParseResult parse, SolveOptions options, string outDir, bool json)
    {
        var (seed, timeLimit) = (options.Seed, options.TimeLimit);
        if (!RunFolderWriter.CanWriteTo(outDir))
        {
            env.Error.WriteLine($"matching: --out '{outDir}' already holds files that are not a matching run; choose a new or empty folder.");
            return ExitCodes.Usage;
        }

        var clock = Stopwatch.StartNew();
        var (date, dateSource) = inputs.BatchDate(parse, env);
        var read = BatchReader.Read(inputs.Files(parse), date);
        var readMs = clock.Elapsed.TotalMilliseconds;
        BatchOptions.Report(env.Error, read);
        if (read.Problem is not { } problem)
        {
            env.Error.WriteLine($"{BatchOptions.Count(read.ErrorCount, "error", "errors")}: nothing was solved and nothing was written. " +
                "Fix the files, then run again ('matching validate' checks them without solving).");
            return ExitCodes.InvalidInput;
        }

        var engine = new MatchingEngine();
        var result = env.Interactive && !json
            ? ProgressDisplay.Run(progress => engine.Solve(problem, options, progress))
            : engine.Solve(problem, options);

        var outcome = ExitCodeFor(result);
        if (outcome == ExitCodes.PinConflict)
        {
            env.Error.WriteLine("matching: the pins conflict with the rules or with each other, so nothing was solved:");
            foreach (var conflict in result.PinConflicts)
            {
                env.Error.WriteLine("  " + conflict);
            }

            return ExitCodes.PinConflict;
        }

        if (outcome == ExitCodes.NoSolution)
        {
            env.Error.WriteLine($"matching: no plan was found within the time limit ({Seconds(timeLimit)} s); nothing was written. Try a longer --time-limit.");
            return ExitCodes.NoSolution;
        }

        var info = new RunInfo
        {
            Tool = "matching " + ToolVersion(),
            Seed = seed,
            TimeLimit = timeLimit,
            ExactShortlists = options.ExactShortlists,
            BatchDateSource = dateSource,
            Inputs = read.Inputs,
            PhaseMilliseconds = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, [new KeyValuePair<string, double>("read", readMs)]),
        };
        try
        {
            RunFolderWriter.Write(outDir, problem, result, info);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"matching: could not write the outputs to '{outDir}': {e.Message}");
            return ExitCodes.Bug;
        }

        if (json)
        {
            env.Out.Write(RunJsonWriter.ToJson(problem, result, info, includeResults: true));
        }
        else
        {
            Summary(env.Out, problem.Children.Length, result, read.WarningCount, clock.Elapsed, outDir);
        }

        return ExitCodes.Ok;
    }

    private static void Summary(TextWriter w, int children, MatchingResult result, int warnings, TimeSpan elapsed, string outDir)
    {
        var status = result.Status == SolveStatus.Optimal
            ? "optimal (no better plan exists)"
            : result.Gap is { } gap
                ? $"feasible (the best plan found in the time limit; it may be improved by up to {gap.ToString("0.#%", CultureInfo.InvariantCulture)})"
                : "feasible (the best plan found; not proved the best possible)";
        w.WriteLine($"Placed {result.ChildrenPlaced} of {BatchOptions.Count(children, "child", "children")}; {result.Unmatched.Length} unmatched (reasons in unmatched.csv).");
        w.WriteLine($"Status: {status}. Total score {Points(result.Score)} (higher is better; each rule's points are in matches.csv).");
        if (!result.DisabledHardRules.IsEmpty)
        {
            w.WriteLine($"Hard rules switched off by the settings: {string.Join(", ", result.DisabledHardRules)}.");
        }

        if (warnings > 0)
        {
            w.WriteLine($"{BatchOptions.Count(warnings, "warning", "warnings")} about the input (listed above).");
        }

        w.WriteLine($"Time: {Seconds(elapsed)} s. Outputs in {outDir}: {string.Join(", ", RunFolderWriter.FileNames)}.");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Points(decimal x) => Math.Round(x, 2).ToString("0.00", CultureInfo.InvariantCulture);

    internal static string ToolVersion()
    {
        var version = typeof(SolveCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return version.Split('+')[0];
    }
}
