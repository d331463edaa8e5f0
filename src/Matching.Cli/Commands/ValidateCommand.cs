using System.CommandLine;
using Matching.Io;

namespace Matching.Cli.Commands;

/// <summary><c>matching validate</c>: reads the batch and lists every problem, without solving.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var inputs = new BatchOptions();
        var command = new Command(
            "validate",
            "Checks your files and lists every problem at once as file:row:column: message (the row as your spreadsheet " +
            "shows it, the header being row 1). Nothing is solved and nothing is written. Exit code 2 when there are errors.");
        inputs.AddTo(command);
        command.SetAction(parse =>
        {
            var (date, _) = inputs.BatchDate(parse, env);
            var read = BatchReader.Read(inputs.Files(parse), date);
            BatchOptions.Report(env.Out, read);
            if (read.HasErrors)
            {
                env.Out.WriteLine($"{BatchOptions.Count(read.ErrorCount, "error", "errors")}, {BatchOptions.Count(read.WarningCount, "warning", "warnings")}: fix the errors, then run again.");
                return ExitCodes.InvalidInput;
            }

            var p = read.Problem!;
            env.Out.WriteLine($"The batch is valid: {BatchOptions.Count(p.Children.Length, "child", "children")}, {BatchOptions.Count(p.Carers.Length, "carer", "carers")}, " +
                $"{BatchOptions.Count(p.Pins.Length, "pin", "pins")}, {BatchOptions.Count(read.WarningCount, "warning", "warnings")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
