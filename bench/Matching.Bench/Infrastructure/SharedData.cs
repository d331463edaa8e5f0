namespace Matching.Bench.Infrastructure;

/// <summary>
/// Finds the shared folder beside the repository (<c>../shared</c> from the folder holding <c>Matching.sln</c>),
/// or the folder named by <c>MATCHING_SHARED</c>. Only benchmarks read it, and they skip when it is absent.
/// </summary>
internal static class SharedData
{
    public const string EnvironmentVariable = "MATCHING_SHARED";

    // Initialised in this order on purpose: Locate() reads RepositoryRoot.

    /// <summary>The repository root (the folder holding Matching.sln), or null.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>A folder under shared, or null with <paramref name="why"/> saying what is missing.</summary>
    public static string? Folder(string relative, out string why)
    {
        if (Root is null)
        {
            why = $"shared folder not found (set {EnvironmentVariable} or place it at ../shared beside the repository): skipped";
            return null;
        }

        var path = Path.Combine(Root, relative);
        if (!Directory.Exists(path))
        {
            why = $"{path} not found: skipped";
            return null;
        }

        why = "";
        return path;
    }

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }

        var root = RepositoryRoot;
        if (root is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    private static string? FindRepositoryRoot()
    {
        // BenchmarkDotNet runs the benchmarks from a generated folder under bin/, so try the assembly too.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Matching.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
