using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Matching.Bench.Reports;

namespace Matching.Bench;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "report")
        {
            return ReportCommand.Run(args, Console.Out);
        }

        // The machine is shared by several builds at once: BenchmarkDotNet's default 2-minute build timeout is too short.
        var config = ManualConfig.Create(DefaultConfig.Instance);
        config.BuildTimeout = TimeSpan.FromMinutes(10);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
