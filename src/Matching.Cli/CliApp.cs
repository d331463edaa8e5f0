using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Matching.Cli.Commands;

namespace Matching.Cli;

/// <summary>Wires the commands, maps parse errors to exit 64 and unexpected exceptions to exit 1.</summary>
internal static class CliApp
{
    public static Command Build(CliEnvironment env)
    {
        // A named root (not RootCommand, which takes the host's file name) so help says "matching" however it is started.
        var root = new Command(
            "matching",
            "Proposes placements of children in care with foster carers, adopters and concurrent-planning carers, " +
            "from your children and carers lists (CSV or Excel). It places as many children as possible, then finds the " +
            "best matches under every safeguarding and fostering rule, and explains each proposal and each child left " +
            "unmatched. People decide: take the outputs to your matching panel.\n\n" +
            "Start with:  matching validate --children children.csv --carers carers.csv\n" +
            "Then:        matching solve --children children.csv --carers carers.csv --out week-47")
        {
            new HelpOption(),
            new VersionOption(),
            SolveCommand.Create(env),
            ValidateCommand.Create(env),
            RulesCommand.Create(env),
            GenerateCommand.Create(env),
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                // A fixed width keeps help the same on every terminal (and in the golden files).
                action.MaxWidth = 100;
            }
        }

        return root;
    }

    public static int Run(string[] args, CliEnvironment env)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            var parse = Build(env).Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                foreach (var error in parse.Errors)
                {
                    env.Error.WriteLine("matching: " + error.Message);
                }

                env.Error.WriteLine("Run 'matching --help' (or 'matching <command> --help') to see what to type.");
                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            env.Error.WriteLine($"matching: unexpected failure. This is a bug in matching, not a problem with your files; please report it with the command you ran. ({e.GetType().Name}: {e.Message})");
            return ExitCodes.Bug;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
