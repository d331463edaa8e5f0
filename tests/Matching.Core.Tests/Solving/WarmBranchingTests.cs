using FsCheck.Xunit;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// The branching on a warm relaxation against exhaustive search on small random models: for every arc, a plan it
/// returns keeps every rule, uses the arc and is worth no more than the best plan with the arc; a plan it says is
/// proved is worth exactly that; whatever its budget, and whether it starts from a plan or from nothing.
/// </summary>
public sealed class WarmBranchingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Property(MaxTest = 200, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Branching_RandomModel_ProvedPlansAreTheBestWithTheArc(int seed)
    {
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
        foreach (var budget in new[] { 1, 24 })
        {
            using var lp = new WarmRelaxation(f, []);
            for (var a = 0; a < m.ArcCount; a++)
            {
                var (plan, proved, _) = Branch(m, lp, a, budget);
                if (plan is null)
                {
                    Assert.False(proved);
                    continue;
                }

                Assert.True(AssignmentSolverVersusBruteForceTests.Valid(m, plan), $"arc {a}: the plan breaks a rule");
                Assert.Equal(a, plan[m.ArcItem[a]]);
                var worth = Worth(m, f, plan);
                Assert.True(bestWith[a] is { } best && worth <= best, $"arc {a}: worth {worth} above the best {bestWith[a]}");
                if (proved)
                {
                    Assert.Equal(bestWith[a], worth);
                }
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Branching_WithAFloor_ProvesTheBestOrThatNonePassesIt(int seed)
    {
        // A floor one above the best plan with the arc: proved means no plan reaches it, and the plan returned (if
        // any) is worth less. A floor at the best: the best itself, as without one.
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
        using var lp = new WarmRelaxation(f, []);
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (bestWith[a] is not { } best || lp.Solve(a, null, Limit, CancellationToken.None) is not { } root)
            {
                continue;
            }

            var (above, aboveProved) = WarmBranching.Solve(m, lp, a, root, null, p => Worth(m, lp.Formulation, p), 24, Limit, CancellationToken.None, floor: best + 1);
            Assert.True(above is null || Worth(m, f, above) <= best, $"arc {a}: a plan above the best");
            var (at, atProved) = WarmBranching.Solve(m, lp, a, root, null, p => Worth(m, lp.Formulation, p), 24, Limit, CancellationToken.None, floor: best);
            if (atProved)
            {
                Assert.True(at is not null && Worth(m, f, at) == best, $"arc {a}: proved at the floor without the best plan");
            }
            Assert.True(!aboveProved || above is null || Worth(m, f, above) < best + 1, $"arc {a}: proved above the floor");
        }
    }

    [Fact]
    public void Branching_RandomModels_ClosesFractionalRootsAndAPlanKnownIsKeptOrBeaten()
    {
        // Over fixed seeds, the branching proves prices whose held relaxation is fractional (what it is for), and a
        // plan handed to it is never lost: what comes back is worth at least as much; and every proof is exact.
        var closedFractional = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
            var f = MipFormulation.Build(m);
            var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
            using var lp = new WarmRelaxation(f, []);
            for (var a = 0; a < m.ArcCount; a++)
            {
                var (plan, proved, fractional) = Branch(m, lp, a, 24);
                closedFractional += proved && fractional ? 1 : 0;
                if (plan is not null)
                {
                    Assert.True(proved ? Worth(m, f, plan) == bestWith[a] : Worth(m, f, plan) <= bestWith[a], $"seed {seed}, arc {a}");
                    var again = WarmBranching.Solve(m, lp, a, lp.Solve(a, null, Limit, CancellationToken.None)!, plan, p => Worth(m, f, p), 0, Limit, CancellationToken.None);
                    Assert.NotNull(again.Plan);
                    Assert.True(Worth(m, f, again.Plan) >= Worth(m, f, plan));
                }
            }
        }

        Assert.True(closedFractional >= 50, $"only {closedFractional} fractional held relaxations were closed by branching");
    }

    [Fact]
    public void Frontier_RandomModels_BoundsEveryArcAndItsProofsAreExact()
    {
        // Over fixed seeds whose relaxation is fractional: the frontier grown from the optimal plan bounds every arc
        // (no plan with the arc is worth more than its ceiling), and a price branched from it, when proved, is the
        // best plan with the arc, found by exhaustive search; the frontiers close, and prove most prices.
        var (grown, closed, prices, proofs) = (0, 0, 0, 0);
        foreach (var (seed, m, f, root, optimum) in FractionalModels(400).Take(60))
        {
            grown++;
            var (best, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
            Assert.Equal(best, Worth(m, f, optimum.ItemArc));
            using var lp = new WarmRelaxation(f, []);
            var frontier = WarmBranching.Grow(m, lp, root, optimum.ItemArc, p => Worth(m, f, p), 64, Limit, CancellationToken.None);
            closed += frontier.Closed ? 1 : 0;
            for (var a = 0; a < m.ArcCount; a++)
            {
                var ceiling = frontier.CeilingWith(m, a, (l, arc) => l.Relaxation.CeilingWith(arc));
                Assert.True(bestWith[a] is not { } b || b <= ceiling, $"seed {seed}, arc {a}: a plan worth {bestWith[a]} above the frontier's ceiling {ceiling}");
                var (plan, proved) = WarmBranching.Solve(m, lp, a, frontier, (l, arc) => l.Relaxation.CeilingWith(arc), null, p => Worth(m, f, p), 24, Limit, CancellationToken.None);
                prices++;
                if (plan is not null)
                {
                    Assert.True(AssignmentSolverVersusBruteForceTests.Valid(m, plan), $"seed {seed}, arc {a}: the plan breaks a rule");
                    Assert.Equal(a, plan[m.ArcItem[a]]);
                    Assert.True(proved ? Worth(m, f, plan) == bestWith[a] : Worth(m, f, plan) <= bestWith[a], $"seed {seed}, arc {a}");
                    proofs += proved ? 1 : 0;
                }
            }
        }

        Assert.True(grown >= 20, $"only {grown} fractional models");
        Assert.True(closed * 10 >= grown * 9, $"{closed} of {grown} frontiers closed");
        Assert.True(proofs * 2 >= prices, $"{proofs} of {prices} prices proved");
    }

    /// <summary>The random models of the first seeds whose relaxation is fractional, with it and their optimal plan.</summary>
    internal static IEnumerable<(int Seed, AssignmentModel M, MipFormulation F, LinearRelaxation Root, AssignmentSolution Optimum)> FractionalModels(int seeds)
    {
        for (var seed = 0; seed < seeds; seed++)
        {
            var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
            var f = MipFormulation.Build(m);
            var root = LinearRelaxation.Solve(f, Limit, CancellationToken.None);
            var optimum = AssignmentSolver.Solve(m, new AssignmentSolverOptions { Backend = Backend.CpSat }, CancellationToken.None);
            if (root is not null && LpCoreBackend.FromRelaxation(m, root.Values) is null && optimum.Status == SolveStatus.Optimal)
            {
                yield return (seed, m, f, root, optimum);
            }
        }
    }

    private static (int[]? Plan, bool Proved, bool Fractional) Branch(AssignmentModel m, WarmRelaxation lp, int arc, int budget)
    {
        var root = lp.Solve(arc, null, Limit, CancellationToken.None);
        if (root is null)
        {
            return (null, false, false);
        }

        var fractional = LpCoreBackend.FromRelaxation(m, root.Values) is null;
        var (plan, proved) = WarmBranching.Solve(m, lp, arc, root, null, p => Worth(m, lp.Formulation, p), budget, Limit, CancellationToken.None);
        return (plan, proved, fractional);
    }

    private static long Worth(AssignmentModel m, MipFormulation f, int[] plan)
    {
        var (value, score) = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
        return (value * f.ChildWeight) + score;
    }
}
