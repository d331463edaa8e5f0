using System.Globalization;

namespace Matching.Cli.Tests.Support;

/// <summary>Runs the real command line in-process, with captured writers, a fixed clock and a chosen culture.</summary>
internal static class Tool
{
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The cultures every golden file is checked under: invariant and one with a decimal comma.</summary>
    public static TheoryData<string> Cultures => ["", "de-DE"];

    public static CliRun RunIn(string culture, params string[] args)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
        try
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var code = CliApp.Run(args, new CliEnvironment(output, error, new FixedClock(Today), Interactive: false));
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    public static CliRun Run(params string[] args) => RunIn("", args);
}
