using Spectre.Console;

namespace Matching.Cli;

/// <summary>What a command may touch outside its arguments: the writers, the clock and whether a person is watching.</summary>
/// <param name="Out">Standard output: summaries, validation reports, the rule catalogue.</param>
/// <param name="Error">Standard error: input problems during solve, usage errors, failures.</param>
/// <param name="Clock">The clock: only used for the default batch date (today).</param>
/// <param name="Interactive">True on a terminal: long solves show a progress display.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Clock, bool Interactive)
{
    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        TimeProvider.System,
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive);
}
