using System.CommandLine;
using Matching.Explain;

namespace Matching.Cli.Commands;

/// <summary><c>matching explain</c>: the whole story of one child from a run folder.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Option<string>("--run")
        {
            Description = "The run folder written by 'matching solve --out'",
            HelpName = "DIR",
            Required = true,
        };
        var child = new Option<string>("--child")
        {
            Description = "The child's id (child_id)",
            HelpName = "ID",
            Required = true,
        };
        var command = new Command(
            "explain",
            "Tells the whole story of one child from a run: the carer proposed with every rule's part in the score and the " +
            "flags for the panel, or why the child was not placed, which rules ruled carers out, who took the carers that " +
            "fitted and what it would take; then the shortlist.");
        command.Options.Add(run);
        command.Options.Add(child);
        command.SetAction(parse =>
        {
            var (story, error) = ChildStory.Tell(parse.GetRequiredValue(run), parse.GetRequiredValue(child));
            if (error is not null)
            {
                env.Error.WriteLine("matching: " + error + ".");
                return ExitCodes.InvalidInput;
            }

            env.Out.Write(story);
            return ExitCodes.Ok;
        });
        return command;
    }
}
