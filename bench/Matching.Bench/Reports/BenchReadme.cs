using Matching.Bench.Infrastructure;

namespace Matching.Bench.Reports;

/// <summary>Keeps the headline table in bench/README.md (the README's Performance section) in step with the results.</summary>
internal static class BenchReadme
{
    private const string Start = "<!-- headline:start (written by `report summary`) -->";
    private const string End = "<!-- headline:end -->";

    public static void UpdateHeadline(string headline)
    {
        var root = SharedData.RepositoryRoot ?? throw new InvalidOperationException("Matching.sln not found");
        var path = Path.Combine(root, "bench", "README.md");
        if (!File.Exists(path))
        {
            return;
        }

        var text = File.ReadAllText(path);
        var a = text.IndexOf(Start, StringComparison.Ordinal);
        var b = text.IndexOf(End, StringComparison.Ordinal);
        if (a < 0 || b < a)
        {
            return;
        }

        File.WriteAllText(path, text[..(a + Start.Length)] + "\n" + headline + text[b..]);
    }
}
