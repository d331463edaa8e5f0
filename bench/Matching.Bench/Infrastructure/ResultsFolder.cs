using System.Text.Json;

namespace Matching.Bench.Infrastructure;

/// <summary>bench/results (committed markdown) and bench/results/raw (the JSON the summary is built from).</summary>
internal static class ResultsFolder
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Path
    {
        get
        {
            var root = SharedData.RepositoryRoot ?? throw new InvalidOperationException("Run from inside the repository (Matching.sln not found).");
            var dir = System.IO.Path.Combine(root, "bench", "results");
            Directory.CreateDirectory(System.IO.Path.Combine(dir, "raw"));
            return dir;
        }
    }

    public static string WriteMarkdown(string fileName, string markdown)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public static void WriteRaw<T>(string name, T value) =>
        File.WriteAllText(System.IO.Path.Combine(Path, "raw", name + ".json"), JsonSerializer.Serialize(value, Json) + "\n");

    public static T? ReadRaw<T>(string name)
    {
        var path = System.IO.Path.Combine(Path, "raw", name + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : default;
    }
}
