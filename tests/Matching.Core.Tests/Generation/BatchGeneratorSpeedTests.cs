using System.Diagnostics;
using Matching.Generation;

namespace Matching.Core.Tests.Generation;

public sealed class BatchGeneratorSpeedTests
{
    [Fact]
    public void Generate_LargestBenchmarkSize_TakesSeconds()
    {
        _ = BatchGenerator.Generate(new GeneratorOptions { Children = 10, Carers = 10, BatchDate = new DateOnly(2025, 1, 6) });
        var watch = Stopwatch.StartNew();
        var batch = BatchGenerator.Generate(new GeneratorOptions { Children = 20_000, Carers = 60_000, Seed = 3, BatchDate = new DateOnly(2025, 1, 6) });
        watch.Stop();

        Assert.Equal(20_000, batch.Children.Length);
        Assert.Equal(60_000, batch.Carers.Length);
        // Generous for a shared 2-core machine; measured about 1 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"generate 20000x60000: {watch.Elapsed.TotalSeconds:F2} s");
    }
}
