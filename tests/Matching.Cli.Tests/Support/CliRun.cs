namespace Matching.Cli.Tests.Support;

/// <summary>What one run of the tool gave: exit code and both writers' text.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);
