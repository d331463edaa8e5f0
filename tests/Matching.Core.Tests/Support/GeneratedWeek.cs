using Matching.Generation;
using Matching.Model;
using Matching.Solving;

namespace Matching.Core.Tests.Support;

/// <summary>A generated weekly batch of 100 children and 500 carer households in the North West, as the CLI's generator makes it.</summary>
internal static class GeneratedWeek
{
    public static readonly DateOnly BatchDate = new(2026, 11, 23);

    /// <summary>The batch as a problem, and prepared for the solver.</summary>
    public static (MatchingProblem Problem, PreparedBatch Batch) Create(BatchKind kind, int seed = 1)
    {
        var generated = BatchGenerator.Generate(new GeneratorOptions
        {
            Children = 100, Carers = 500, Seed = seed, BatchDate = BatchDate, Kind = kind, Region = "North West",
        });
        var problem = new MatchingProblem
        {
            Children = [.. generated.Children.Select(c => c.Child)],
            Carers = [.. generated.Carers.Select(c => c.Carer)],
            BatchDate = BatchDate,
        };
        return (problem, new PreparedBatch(problem));
    }
}
