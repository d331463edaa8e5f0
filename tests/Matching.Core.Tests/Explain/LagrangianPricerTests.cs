using Matching.Core.Tests.Solving;
using Matching.Explain;
using Matching.Solving;

namespace Matching.Core.Tests.Explain;

/// <summary>
/// The Lagrangian flow of a region of a branching (arcs held at 1 and kept off, with the region's multipliers)
/// against exhaustive search over the plans in that region, on small random models whose relaxation is fractional.
/// </summary>
public sealed class LagrangianPricerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public void LeafFlow_RandomModels_BoundsEveryPlanInTheLeafAndItsCyclesStayInIt()
    {
        // For every leaf of the frontier grown from the optimal plan and every arc the leaf allows: no plan in the leaf
        // with the arc is worth more than the flow's ceiling; "none can" (long.MinValue) only where no such plan
        // exists; and a cycle's plan that keeps every rule lies in the leaf, uses the arc and is worth no more than
        // the ceiling. The flows must also be tighter than the leaf's reduced costs somewhere, or they are useless.
        var (flows, checkedArcs, tighter) = (0, 0, 0);
        foreach (var (seed, m, f, root, optimum) in WarmBranchingTests.FractionalModels(400).TakeWhile(_ => flows < 80))
        {
            using var lp = new WarmRelaxation(f, []);
            var frontier = WarmBranching.Grow(m, lp, root, optimum.ItemArc, p => Worth(m, f, p), 64, Limit, CancellationToken.None);
            foreach (var leaf in frontier.Leaves)
            {
                var flow = LagrangianPricer.Create(m, lp.Formulation, leaf.Relaxation, optimum.ItemArc, leaf.Excluded, leaf.Forced);
                if (flow is null)
                {
                    continue;
                }

                flows++;
                bool InLeaf(int[] plan) =>
                    leaf.Forced.All(a => plan[m.ArcItem[a]] == a) && !leaf.Excluded.Any(a => plan[m.ArcItem[a]] == a);
                var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight, InLeaf);
                for (var a = 0; a < m.ArcCount; a++)
                {
                    if (!leaf.Allows(m, a))
                    {
                        continue;
                    }

                    checkedArcs++;
                    var (ceiling, plan) = flow.Price(m.ArcItem[a], a);
                    Assert.True(bestWith[a] is not { } b || b <= ceiling, $"seed {seed}, arc {a}: a plan in the leaf worth {bestWith[a]} above the flow's ceiling {ceiling}");
                    tighter += ceiling < leaf.Relaxation.CeilingWith(a) ? 1 : 0;
                    if (plan is not null && AssignmentSolverVersusBruteForceTests.Valid(m, plan))
                    {
                        Assert.True(InLeaf(plan), $"seed {seed}, arc {a}: the cycle's plan leaves the leaf");
                        Assert.Equal(a, plan[m.ArcItem[a]]);
                        Assert.True(Worth(m, f, plan) <= ceiling, $"seed {seed}, arc {a}: the cycle's plan is worth more than its ceiling");
                    }
                }
            }
        }

        Assert.True(flows >= 40, $"only {flows} leaf flows");
        Assert.True(tighter * 20 >= checkedArcs, $"the flows were tighter than the reduced costs on {tighter} of {checkedArcs} arcs");
    }

    private static long Worth(AssignmentModel m, MipFormulation f, int[] plan)
    {
        var (value, score) = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
        return (value * f.ChildWeight) + score;
    }
}
