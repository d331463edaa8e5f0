using System.Globalization;
using Matching.Model;

namespace Matching.Io;

/// <summary>
/// Writes a run folder (<c>matches.csv</c>, <c>unmatched.csv</c>, <c>shortlist.csv</c>, <c>run.json</c>,
/// <c>report.html</c>). The files are written to a temporary folder beside the target and moved into place, so a
/// failure never leaves a half-written folder; an existing run folder is replaced whole.
/// </summary>
public static class RunFolderWriter
{
    /// <summary>The files every run folder holds.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["matches.csv", "unmatched.csv", "shortlist.csv", "run.json", "report.html"];

    /// <summary>
    /// True when <paramref name="folder"/> can receive a run: it does not exist, is empty, or holds an earlier run
    /// (a <c>run.json</c> and nothing but run files). Any other folder is left alone so no one's documents are replaced.
    /// </summary>
    public static bool CanWriteTo(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            return false;
        }

        if (!Directory.Exists(folder))
        {
            return true;
        }

        var entries = Directory.GetFileSystemEntries(folder);
        return entries.Length == 0
            || (File.Exists(Path.Combine(folder, "run.json"))
                && entries.All(e => File.Exists(e) && FileNames.Contains(Path.GetFileName(e), StringComparer.Ordinal)));
    }

    /// <summary>Writes the run folder for <paramref name="result"/> at <paramref name="folder"/>.</summary>
    /// <exception cref="IOException">The folder holds something other than an earlier run, or cannot be written.</exception>
    public static void Write(string folder, MatchingProblem problem, MatchingResult result, RunInfo info)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(info);
        if (!CanWriteTo(folder))
        {
            throw new IOException($"'{folder}' holds files that are not a matching run; choose a new or empty folder");
        }

        var target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{folder}' has no parent folder");
        var name = Path.GetFileName(target);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var temp = Path.Combine(parent, "." + name + ".partial-" + pid);
        var old = Path.Combine(parent, "." + name + ".old-" + pid);
        Directory.CreateDirectory(parent);
        DeleteIfPresent(temp);
        Directory.CreateDirectory(temp);
        try
        {
            WriteFiles(temp, problem, result, info);
            if (Directory.Exists(target))
            {
                DeleteIfPresent(old);
                Directory.Move(target, old);
                Directory.Move(temp, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, target);
            }
        }
        catch
        {
            DeleteIfPresent(temp);
            if (!Directory.Exists(target) && Directory.Exists(old))
            {
                Directory.Move(old, target);
            }

            throw;
        }
    }

    private static void WriteFiles(string folder, MatchingProblem problem, MatchingResult result, RunInfo info)
    {
        ResultCsvWriter.WriteMatches(Path.Combine(folder, "matches.csv"), result);
        ResultCsvWriter.WriteUnmatched(Path.Combine(folder, "unmatched.csv"), result);
        ResultCsvWriter.WriteShortlist(Path.Combine(folder, "shortlist.csv"), result);
        OutputFormat.WriteText(Path.Combine(folder, "run.json"), RunJsonWriter.ToJson(problem, result, info));
        OutputFormat.WriteText(Path.Combine(folder, "report.html"), ReportHtmlWriter.ToHtml(problem, result));
    }

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
