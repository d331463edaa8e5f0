using Matching.Generation;
using Matching.Model;

namespace Matching.Core.Tests.Generation;

public sealed class BatchGeneratorSolveTests
{
    [Theory]
    [InlineData(BatchKind.Mixed, "Lancashire")]
    [InlineData(BatchKind.Fostering, "E06000034")]
    [InlineData(BatchKind.Adoption, "South East")]
    public void Generate_SmallRegionalBatch_SolvesAndPlacesMostChildren(BatchKind kind, string region)
    {
        var date = new DateOnly(2025, 6, 2);
        var batch = BatchGenerator.Generate(new GeneratorOptions { Children = 40, Carers = 120, Seed = 11, BatchDate = date, Kind = kind, Region = region });
        var problem = new MatchingProblem
        {
            Children = [.. batch.Children.Select(c => c.Child)],
            Carers = [.. batch.Carers.Select(c => c.Carer)],
            BatchDate = batch.BatchDate,
        };

        var result = new MatchingEngine().Solve(problem, new SolveOptions { Seed = 1, TimeLimit = TimeSpan.FromSeconds(20), Threads = 1, Explain = false });

        Assert.True(result.Status is SolveStatus.Optimal or SolveStatus.Feasible, result.Status.ToString());
        // A realistic batch is neither trivially all placed nor mostly blocked: with three carers per child,
        // the hard rules still leave most children a home.
        Assert.InRange(result.ChildrenPlaced, 24, 40);
        Assert.Equal(40, result.ChildrenPlaced + result.Unmatched.Length);
    }
}
