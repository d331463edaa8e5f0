using Matching.Checking;
using Matching.Core.Tests.Solving;
using Matching.Generation;
using Matching.Model;

namespace Matching.Core.Tests.Explain;

/// <summary>
/// The path a regional adoption agency's week takes (one coupled component of thousands of candidate pairs, proved by
/// its relaxation, shortlists priced by the Lagrangian flow), end to end on a generated 100 x 500 batch.
/// </summary>
public sealed class AdoptionWeekTests
{
    private static readonly DateOnly BatchDate = new(2026, 11, 23);

    [Fact]
    public void Solve_AdoptionWeek_ProvedByTheRelaxationWithExactReproducibleShortlists()
    {
        var batch = BatchGenerator.Generate(new GeneratorOptions
        {
            Children = 100, Carers = 500, Seed = 1, BatchDate = BatchDate, Kind = BatchKind.Adoption, Region = "North West",
        });
        var problem = new MatchingProblem
        {
            Children = [.. batch.Children.Select(c => c.Child)],
            Carers = [.. batch.Carers.Select(c => c.Carer)],
            BatchDate = BatchDate,
        };
        var options = new SolveOptions { Threads = 2 };
        var first = new MatchingEngine().Solve(problem, options);
        var second = new MatchingEngine().Solve(problem, options);

        Assert.Equal(SolveStatus.Optimal, first.Status);
        Assert.True(first.Statistics.LpComponents >= 1, "the large component should be proved by its relaxation");
        Assert.Equal(0, first.Statistics.MipComponents);
        var plan = EngineVersusBruteForceTests.Plan(first);
        Assert.Empty(PlanChecker.Check(problem, plan));
        Assert.Equal(PlanScorer.Score(problem, plan).Score, first.Score);

        // Same input, same outputs, entry for entry.
        Assert.Equal(first.Shortlists.AsEnumerable(), second.Shortlists.AsEnumerable());
        Assert.Equal(first.Proposals.Select(p => (p.ChildId, p.CarerId, p.Score)), second.Proposals.Select(p => (p.ChildId, p.CarerId, p.Score)));

        // Every placed child's shortlist starts with the proposed carer at no cost; nearly every entry is exact
        // and ranked over every eligible carer (the rest say so).
        foreach (var proposal in first.Proposals)
        {
            var top = first.Shortlists.First(e => e.ChildId == proposal.ChildId);
            Assert.Equal((proposal.CarerId, 0m, 0), (top.CarerId, top.CostIfChosen, top.PlacementsLost));
        }

        var flagged = first.Shortlists.Count(e => e.Notes.Contains("not every eligible carer", StringComparison.Ordinal)
            || e.Notes.Contains("not ruled out", StringComparison.Ordinal) || e.Notes.Contains("estimated", StringComparison.Ordinal));
        Assert.True(flagged < first.Shortlists.Length / 10, $"{flagged} of {first.Shortlists.Length} entries not exact and ranked");
        Assert.All(first.Shortlists.GroupBy(e => e.ChildId), g => Assert.True(g.Count() <= options.ShortlistSize));
    }
}
