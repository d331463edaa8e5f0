using Matching.Core.Tests.Support;
using Matching.Model;

namespace Matching.Core.Tests.Engine;

public sealed class MatchingEngineTests
{
    [Fact]
    public void Solve_DuplicateCarerIds_Throws()
    {
        var problem = Build.Problem([Build.Child()], [Build.Carer("K1"), Build.Carer("K1")]);
        Assert.Throws<ArgumentException>(() => new MatchingEngine().Solve(problem));
    }

    [Fact]
    public void Solve_InvalidSettings_ThrowsWithTheProblem()
    {
        var settings = Matching.Rules.MatchingSettings.Default with { Weights = Matching.Rules.MatchingSettings.Default.Weights.Add("nope", 1) };
        var ex = Assert.Throws<ArgumentException>(() => new MatchingEngine().Solve(Build.Problem([Build.Child()], [Build.Carer()], settings)));
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var problem = RandomBatch.Create(3);
        Assert.ThrowsAny<OperationCanceledException>(() => new MatchingEngine().Solve(problem, null, null, cts.Token));
    }

    [Fact]
    public void Solve_ReportsProgressForEveryPhase()
    {
        var phases = new List<string>();
        var progress = new SyncProgress(p => phases.Add(p.Phase));
        new MatchingEngine().Solve(RandomBatch.Create(11, withPins: false), new SolveOptions { Threads = 1 }, progress);
        Assert.Contains("candidates", phases);
        Assert.Contains("explain", phases);
    }

    [Fact]
    public void Solve_EmptyBatch_OptimalAndNothingPlaced()
    {
        var result = new MatchingEngine().Solve(Build.Problem([], [Build.Carer()]));
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(0, result.ChildrenPlaced);
    }

    [Fact]
    public void Solve_SiblingGroupOfThree_CountsThreeAndBeatsTwoSingles()
    {
        Child Sib(string id) => Build.Child(id) with { SiblingGroup = "G1" };
        var problem = Build.Problem([Sib("A1"), Sib("A2"), Sib("A3"), Build.Child("B1"), Build.Child("B2")], [Build.Carer(places: 3)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.Equal(3, result.ChildrenPlaced);
        Assert.Equal(["A1", "A2", "A3"], result.Proposals.Select(p => p.ChildId));
        Assert.Equal(2, result.Unmatched.Length);
    }

    [Fact]
    public void Solve_LargerRandomBatch_UsesSeveralComponentsAndIsOptimal()
    {
        var children = Enumerable.Range(0, 40).Select(i => Build.Child($"C{i:00}") with { Contact = new Location(51 + (i % 8), -1 + (i % 3)) });
        var carers = Enumerable.Range(0, 30).Select(i => Build.Carer($"K{i:00}", places: 2) with { Location = new Location(51 + (i % 8), -1 + (i % 3)) });
        var settings = Build.With("contact_distance.foster_miles", 30);
        var result = new MatchingEngine().Solve(Build.Problem(children, carers, settings));
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.Statistics.Components > 1);
        Assert.Equal(40, result.ChildrenPlaced);
    }

    private sealed class SyncProgress(Action<SolveProgress> report) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => report(value);
    }
}

public sealed class CandidatePruningTests
{
    [Fact]
    public void Solve_KeepOneCandidatePerChild_FeasibleValidAndFlagged()
    {
        var problem = Build.Problem([Build.Child("C1"), Build.Child("C2")], [Build.Carer("K1", places: 1), Build.Carer("K2", places: 1)]);
        var result = new MatchingEngine().Solve(problem, new SolveOptions { MaxCandidatesPerUnit = 1 });
        Assert.True(result.Statistics.CandidatesPruned);
        Assert.Equal(SolveStatus.Feasible, result.Status);
        Assert.Equal(2, result.Statistics.CandidatePairs);
        Assert.Empty(Matching.Checking.PlanChecker.Check(problem, result.Proposals.ToDictionary(p => p.ChildId, p => p.CarerId)));
    }

    [Fact]
    public void Solve_Default_KeepsEveryCandidateAndProvesOptimal()
    {
        var problem = Build.Problem([Build.Child("C1"), Build.Child("C2")], [Build.Carer("K1", places: 1), Build.Carer("K2", places: 1)]);
        var result = new MatchingEngine().Solve(problem);
        Assert.False(result.Statistics.CandidatesPruned);
        Assert.Equal(4, result.Statistics.CandidatePairs);
        Assert.Equal(SolveStatus.Optimal, result.Status);
    }
}
