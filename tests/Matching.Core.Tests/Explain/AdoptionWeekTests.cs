using Matching.Checking;
using Matching.Core.Tests.Solving;
using Matching.Core.Tests.Support;
using Matching.Explain;
using Matching.Generation;
using Matching.Model;
using Matching.Solving;

namespace Matching.Core.Tests.Explain;

/// <summary>
/// The path a regional adoption agency's week takes (one coupled component of thousands of candidate pairs, proved by
/// its relaxation, shortlists priced from relaxations), end to end on a generated 100 x 500 batch.
/// </summary>
public sealed class AdoptionWeekTests
{
    [Fact]
    public void Solve_AdoptionWeek_ProvedByTheRelaxationWithExactReproducibleShortlists()
    {
        var (problem, _) = GeneratedWeek.Create(BatchKind.Adoption);
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

        // Every placed child's shortlist starts with the proposed carer at no cost; every entry is exact and ranked
        // over every eligible carer: no note says otherwise.
        foreach (var proposal in first.Proposals)
        {
            var top = first.Shortlists.First(e => e.ChildId == proposal.ChildId);
            Assert.Equal((proposal.CarerId, 0m, 0), (top.CarerId, top.CostIfChosen, top.PlacementsLost));
        }

        Assert.All(first.Shortlists, e => Assert.DoesNotContain("not every eligible carer", e.Notes, StringComparison.Ordinal));
        Assert.All(first.Shortlists, e => Assert.DoesNotContain("not ruled out", e.Notes, StringComparison.Ordinal));
        Assert.All(first.Shortlists, e => Assert.DoesNotContain("estimated", e.Notes, StringComparison.Ordinal));
        Assert.All(first.Shortlists.GroupBy(e => e.ChildId), g => Assert.True(g.Count() <= options.ShortlistSize));
    }

    [Fact]
    public void Shortlists_AdoptionWeek_AreTheTopFiveOverEveryEligibleCarer()
    {
        // The reference: the whole component solved again with the child pinned to each eligible carer in turn (the
        // exact back end, proved optimal each time), ranked in the shortlist's order. Checked for a child of each
        // sibling group that may split (where the batch's own relaxation prices a split as free) and for a child
        // placed alone.
        var (problem, batch) = GeneratedWeek.Create(BatchKind.Adoption);
        var options = new SolveOptions { Threads = 2 };
        var solution = BatchSolver.Solve(batch, options, [], null, CancellationToken.None).Solution!;
        var shortlists = ShortlistBuilder.Alternatives(solution, options, CancellationToken.None);
        var children = problem.Children.Where(c => c.SiblingGroup is not null && c.Siblings == SiblingRule.MaySplit)
            .GroupBy(c => c.SiblingGroup).Select(g => g.First().Id)
            .Append(problem.Children.First(c => c.SiblingGroup is null).Id)
            .ToArray();
        Assert.True(children.Length >= 3, "the week should have sibling groups that may split");
        foreach (var id in children)
        {
            var unit = Array.FindIndex(batch.Units.ToArray(), u => u.Children.Any(c => c.Id == id));
            var k = solution.UnitComponent[unit];
            var (cm, baseline) = (solution.Models[k], solution.Solutions[k]);
            var item = Array.IndexOf(cm.Units, unit);
            var weight = MipFormulation.Build(cm.Model).ChildWeight;
            var arcs = Enumerable.Range(0, cm.Model.ArcCount).Where(a => cm.Model.ArcItem[a] == item).ToArray();
            var costs = new (long Cost, int Carer, long Own)[arcs.Length];
            Parallel.For(0, arcs.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, j =>
            {
                var forced = LpCoreBackend.Solve(cm.Model.WithPinned(item, arcs[j]), new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }, CancellationToken.None);
                Assert.Contains(forced.Status, (SolveStatus[])[SolveStatus.Optimal, SolveStatus.Infeasible]);
                var cost = forced.Status == SolveStatus.Optimal ? ((baseline.Value - forced.Value) * weight) + baseline.Score - forced.Score : long.MaxValue;
                costs[j] = (cost, solution.Candidates.ArcCarer[cm.Arcs[arcs[j]]], cm.Model.ArcScore[arcs[j]]);
            });

            var expected = costs.Where(c => c.Cost != long.MaxValue)
                .OrderBy(c => c.Cost).ThenBy(c => c.Carer != solution.UnitCarer[unit]).ThenByDescending(c => c.Own).ThenBy(c => c.Carer)
                .Take(options.ShortlistSize).Select(c => (c.Carer, c.Cost));
            Assert.Equal(expected, shortlists[unit].Select(a => (a.Carer, (a.PlacementsLost * weight) + a.CostMilli)));
        }
    }
}
