using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Matching.Cli.Tests.Support;

/// <summary>
/// Golden files: expected output kept beside the tests. To accept a deliberate change, run the tests with
/// MATCHING_UPDATE_GOLDEN=1, then review the diff of the Golden folder before committing it.
/// </summary>
internal static partial class Golden
{
    public static string Folder { get; } = Path.Combine(SourceFolder(), "..", "Golden");

    /// <summary>The repository's root folder (for the samples).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", ".."));

    public static string Input(string relative) => Path.Combine(Folder, "inputs", relative);

    public static string Sample(string relative) => Path.Combine(RepositoryRoot, "samples", relative);

    public static void Check(string name, string actual)
    {
        var normal = Normalize(actual);
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("MATCHING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normal, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"golden file {name} is missing: run the tests with MATCHING_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(Normalize(File.ReadAllText(path)), normal);
    }

    /// <summary>LF line ends and no trailing spaces (help text pads its lines; editors trim them).</summary>
    public static string Normalize(string text) => TrailingSpaces().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "");

    [GeneratedRegex(@"[ \t]+(?=\n|$)")]
    private static partial Regex TrailingSpaces();

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
