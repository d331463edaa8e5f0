using Matching.Generation;

namespace Matching.Core.Tests.Generation;

/// <summary>The generator at the largest benchmark size (its speed is measured by the benchmarks, not here).</summary>
public sealed class BatchGeneratorScaleTests
{
    [Fact]
    public void Generate_LargestBenchmarkSize_GivesEveryRowWithUniqueIds()
    {
        var batch = BatchGenerator.Generate(new GeneratorOptions { Children = 20_000, Carers = 60_000, Seed = 3, BatchDate = new DateOnly(2025, 1, 6) });

        Assert.Equal(20_000, batch.Children.Length);
        Assert.Equal(60_000, batch.Carers.Length);
        Assert.Equal(20_000, batch.Children.Select(c => c.Child.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(60_000, batch.Carers.Select(c => c.Carer.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
