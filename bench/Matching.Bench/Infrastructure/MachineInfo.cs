using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Matching.Bench.Infrastructure;

/// <summary>The machine and versions a report was measured with, as a markdown list.</summary>
internal static class MachineInfo
{
    public static string Describe(string? note = null)
    {
        var sb = new StringBuilder();
        sb.Append("Machine and versions:\n\n");
        sb.Append("- CPU: ").Append(CpuModel()).Append(", ").Append(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture))
            .Append(" logical cores, shared with other engineers' builds and tests while measuring (timings are noisy upwards)\n");
        sb.Append("- Memory: ").Append(MemoryGb()).Append('\n');
        sb.Append("- OS: ").Append(RuntimeInformation.OSDescription).Append(' ').Append(RuntimeInformation.OSArchitecture).Append('\n');
        sb.Append("- .NET: ").Append(RuntimeInformation.FrameworkDescription).Append('\n');
        sb.Append("- OR-Tools: ").Append(OrToolsVersion()).Append('\n');
        var date = Environment.GetEnvironmentVariable("MATCHING_BENCH_DATE");
        if (!string.IsNullOrWhiteSpace(date))
        {
            sb.Append("- Measured on: ").Append(date).Append('\n');
        }

        var commit = Environment.GetEnvironmentVariable("MATCHING_BENCH_COMMIT");
        if (!string.IsNullOrWhiteSpace(commit))
        {
            sb.Append("- Commit: ").Append(commit).Append('\n');
        }

        if (note is not null)
        {
            sb.Append("- ").Append(note).Append('\n');
        }

        return sb.ToString();
    }

    public static string OrToolsVersion()
    {
        var asm = typeof(Google.OrTools.Sat.CpModel).Assembly;
        var info = asm.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        return info ?? asm.GetName().Version?.ToString() ?? "unknown";
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            foreach (var line in File.ReadLines(cpuinfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string MemoryGb()
    {
        var bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return (bytes / (1024.0 * 1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " GB";
    }
}
