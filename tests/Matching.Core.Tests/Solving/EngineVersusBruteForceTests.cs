using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matching.Checking;
using Matching.Core.Tests.Support;

namespace Matching.Core.Tests.Solving;

/// <summary>The engine against exhaustive search on small random batches with every rule in play.</summary>
public sealed class EngineVersusBruteForceTests
{
    private static readonly SolveOptions Fast = new() { Explain = false, Threads = 1, TimeLimit = TimeSpan.FromSeconds(20) };

    [Property(MaxTest = 1000, Arbitrary = [typeof(Seeds)])]
    public void Solve_RandomSmallBatch_MatchesExhaustiveSearch(int seed) => MatchesExhaustiveSearch(seed, Fast);

    [Property(MaxTest = 300, Arbitrary = [typeof(Seeds)])]
    public void Solve_CpSatForEveryComponent_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Fast with { Backend = Matching.Solving.Backend.CpSat });

    [Property(MaxTest = 300, Arbitrary = [typeof(Seeds)])]
    public void Solve_MipForEveryComponent_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Fast with { Backend = Matching.Solving.Backend.Mip });

    [Property(MaxTest = 300, Arbitrary = [typeof(Seeds)])]
    public void Solve_RelaxationAndCoreForEveryComponent_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Fast with { Backend = Matching.Solving.Backend.LpCore });

    // Seed 93 once found the mixed-integer child weight too small (half the widest score difference).
    [Theory]
    [InlineData(93)]
    public void Solve_MipRegressionSeeds_MatchExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Fast with { Backend = Matching.Solving.Backend.Mip });

    [Property(MaxTest = 300, Arbitrary = [typeof(Seeds)])]
    public void Solve_SafeFlowPlan_IsValidScoredRightAndNeverBeatsTheOptimum(int seed)
    {
        var problem = RandomBatch.Create(seed);
        var result = new MatchingEngine().Solve(problem, Fast with { Backend = Matching.Solving.Backend.SafeFlow });
        var best = BruteForce.Solve(problem);
        if (best is null)
        {
            Assert.Equal(SolveStatus.Infeasible, result.Status);
            return;
        }

        var plan = Plan(result);
        Assert.Empty(PlanChecker.Check(problem, plan));
        Assert.Equal(PlanScorer.Score(problem, plan).Score, result.Score);
        Assert.True(result.ChildrenPlaced < best.Placed || (result.ChildrenPlaced == best.Placed && result.Score <= best.ScoreMilli / 1000m));
    }

    private static void MatchesExhaustiveSearch(int seed, SolveOptions options)
    {
        var problem = RandomBatch.Create(seed);
        var result = new MatchingEngine().Solve(problem, options);
        var best = BruteForce.Solve(problem);
        if (best is null)
        {
            Assert.Equal(SolveStatus.Infeasible, result.Status);
            Assert.NotEmpty(result.PinConflicts);
            return;
        }

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(best.Placed, result.ChildrenPlaced);
        Assert.Equal(best.ScoreMilli / 1000m, result.Score);

        var plan = Plan(result);
        Assert.Empty(PlanChecker.Check(problem, plan));
        var scored = PlanScorer.Score(problem, plan);
        Assert.Equal(result.ChildrenPlaced, scored.ChildrenPlaced);
        Assert.Equal(result.Score, scored.Score);
        Assert.Equal(result.Score, result.Proposals.Sum(p => p.Score));

        // The brute force's own optimum is a valid plan with the same value.
        Assert.Empty(PlanChecker.Check(problem, best.Plan));
        Assert.Equal(result.Score, PlanScorer.Score(problem, best.Plan).Score);
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(Seeds)])]
    public void Solve_ShuffledInputAndRerun_GivesIdenticalResult(int seed)
    {
        var problem = RandomBatch.Create(seed);
        var rng = new Random(seed);
        var shuffled = problem with
        {
            Children = [.. problem.Children.OrderBy(_ => rng.Next())],
            Carers = [.. problem.Carers.OrderBy(_ => rng.Next())],
        };
        var engine = new MatchingEngine();
        var a = engine.Solve(problem, Fast);
        var b = engine.Solve(problem, Fast);
        var c = engine.Solve(shuffled, Fast);
        Assert.Equal(Plan(a), Plan(b));
        Assert.Equal(Plan(a), Plan(c));
        Assert.Equal(a.Score, c.Score);
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(Seeds)])]
    public void Solve_AddingACarer_NeverPlacesFewer(int seed)
    {
        var problem = RandomBatch.Create(seed, withPins: false);
        var extra = RandomBatch.Create(unchecked(seed + 7919), withPins: false).Carers[0] with { Id = "KZZ" };
        var engine = new MatchingEngine();
        var before = engine.Solve(problem, Fast);
        var after = engine.Solve(problem with { Carers = problem.Carers.Add(extra) }, Fast);
        Assert.True(after.ChildrenPlaced >= before.ChildrenPlaced);
    }

    internal static Dictionary<string, string> Plan(MatchingResult result) =>
        result.Proposals.ToDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);

    public static class Seeds
    {
        public static Arbitrary<int> Seed() => ArbMap.Default.GeneratorFor<int>().Select(i => i & 0x7fffffff).ToArbitrary();
    }
}
