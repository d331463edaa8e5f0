using System.CommandLine;

namespace Matching.Cli.Commands;

/// <summary><c>matching generate</c>: writes a realistic synthetic batch (children.csv and carers.csv).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("generate", "Writes a realistic synthetic batch (children.csv and carers.csv) for trying the tool out. No real person is in it.");
        command.SetAction(_ =>
        {
            env.Error.WriteLine("matching: generate is not available yet");
            return ExitCodes.Bug;
        });
        return command;
    }
}
