using Matching.Core.Tests.Support;
using Matching.Explain;
using Matching.Generation;
using Matching.Solving;

namespace Matching.Core.Tests.Explain;

/// <summary>
/// A fostering week (households taking several children of different loads, the fostering limit): one coupled
/// component whose relaxation is fractional, so an exact price would be a search of about half a second per carer.
/// Its shortlists give the best plan known with each carer instead; they must be real plans, never cheaper than the
/// truth, and say they are not proved.
/// </summary>
public sealed class FosteringWeekTests
{
    [Fact]
    public void Shortlists_FosteringWeek_RealPlansNeverBelowTheExactCostAndMarked()
    {
        var (_, batch) = GeneratedWeek.Create(BatchKind.Fostering);
        var options = new SolveOptions { Threads = 2 };
        var solution = BatchSolver.Solve(batch, options, [], null, CancellationToken.None).Solution!;
        var k = Enumerable.Range(0, solution.Models.Length).MaxBy(i => solution.Models[i].Model.ArcCount);
        var (cm, baseline) = (solution.Models[k], solution.Solutions[k]);
        Assert.True(cm.Model.ArcCount > RelaxationPricer.SearchAlwaysArcs, "the week should have one large coupled component");
        Assert.Equal(SolveStatus.Optimal, baseline.Status);

        var shortlists = ShortlistBuilder.Alternatives(solution, options, CancellationToken.None);
        var entries = cm.Units.SelectMany(u => shortlists.GetValueOrDefault(u, []).Select(a => (Unit: u, Alt: a))).ToArray();
        Assert.True(entries.Length > 3 * cm.Units.Length, $"only {entries.Length} entries for {cm.Units.Length} units");
        Assert.Contains(entries, e => !e.Alt.Proved);

        // Every tenth entry against the whole component solved again with the child pinned to that carer.
        var weight = MipFormulation.Build(cm.Model).ChildWeight;
        var checkedEntries = 0;
        foreach (var (unit, alt) in entries.Where((_, j) => j % 10 == 0))
        {
            var item = Array.IndexOf(cm.Units, unit);
            var arc = Enumerable.Range(0, cm.Model.ArcCount).Single(a => cm.Model.ArcItem[a] == item && solution.Candidates.ArcCarer[cm.Arcs[a]] == alt.Carer);
            var forced = LpCoreBackend.Solve(cm.Model.WithPinned(item, arc), new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }, CancellationToken.None);
            Assert.Equal(SolveStatus.Optimal, forced.Status);
            var exact = ((baseline.Value - forced.Value) * weight) + baseline.Score - forced.Score;
            var given = (alt.PlacementsLost * weight) + alt.CostMilli;
            Assert.True(alt.Proved ? given == exact : given >= exact, $"carer {alt.Carer} of unit {unit}: given {given}, exact {exact}, proved {alt.Proved}");
            checkedEntries++;
        }

        Assert.True(checkedEntries >= 30, $"only {checkedEntries} entries checked");

        // Asked for exact shortlists, the same component searches instead: the first child's two cheapest carers,
        // proved, and equal to the forced re-solves.
        var exactPricer = RelaxationPricer.Create(cm.Model, baseline, new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(10) }, CancellationToken.None, exact: true)!;
        var first = Array.FindIndex(baseline.ItemArc, a => a >= 0);
        var carers = cm.Arcs.Select(a => solution.Candidates.ArcCarer[a]).ToArray();
        var top = exactPricer.Top(first, 2, carers, [], CancellationToken.None);
        Assert.True(top.Count >= 2, "the first child should have two priced carers");
        Assert.All(top, a => Assert.True(a.Proved, $"carer {a.Carer} not proved"));
        foreach (var alt in top.Where(a => a.Carer != solution.UnitCarer[cm.Units[first]]))
        {
            var arc = Enumerable.Range(0, cm.Model.ArcCount).Single(a => cm.Model.ArcItem[a] == first && carers[a] == alt.Carer);
            var forced = LpCoreBackend.Solve(cm.Model.WithPinned(first, arc), new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }, CancellationToken.None);
            Assert.Equal(((baseline.Value - forced.Value) * weight) + baseline.Score - forced.Score, (alt.PlacementsLost * weight) + alt.CostMilli);
        }
    }
}
