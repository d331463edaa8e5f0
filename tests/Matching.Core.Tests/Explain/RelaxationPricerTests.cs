using Matching.Core.Tests.Support;
using Matching.Explain;
using Matching.Solving;

namespace Matching.Core.Tests.Explain;

/// <summary>Relaxation prices against re-solving the whole component with the carer forced.</summary>
public sealed class RelaxationPricerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Price_EveryCandidateWithSmallCores_EqualsForcedResolve(int corePerItem)
    {
        // Cores of 0-2 arcs per item leave most arcs outside, so the column generation adds most of them, and the
        // searches on cores start from few arcs.
        var options = new AssignmentSolverOptions { TimeLimit = TimeSpan.FromSeconds(20), Backend = Backend.CpSat };
        int priced = 0, proved = 0, unpriced = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var solution = ShortlistBuilderTests.Solve(RandomBatch.Create(seed, maxGroups: 6, maxCarers: 6, maxChildren: 10));
            if (solution is null)
            {
                continue;
            }

            for (var k = 0; k < solution.Models.Length; k++)
            {
                var m = solution.Models[k].Model;
                var baseline = solution.Solutions[k];
                if (baseline.Method == "min-cost-flow" || RelaxationPricer.Create(m, baseline, options, CancellationToken.None, corePerItem) is not { } pricer)
                {
                    continue;
                }

                for (var a = 0; a < m.ArcCount; a++)
                {
                    var item = m.ArcItem[a];
                    if (pricer.Price(item, a, carer: a, CancellationToken.None) is not { } alt)
                    {
                        unpriced++;
                        continue;
                    }

                    var reference = AssignmentSolver.Solve(m.WithPinned(item, a), options, CancellationToken.None);
                    if (reference.Status == SolveStatus.Infeasible)
                    {
                        Assert.Equal(long.MaxValue, alt.PlacementsLost);
                        continue;
                    }

                    Assert.Equal(SolveStatus.Optimal, reference.Status);
                    var exact = (baseline.Value - reference.Value, baseline.Score - reference.Score);
                    if (alt.Proved)
                    {
                        Assert.Equal(exact, (alt.PlacementsLost, alt.CostMilli));
                        proved++;
                    }
                    else
                    {
                        // A plan that exists with this carer: never cheaper than the least possible.
                        Assert.True(alt.PlacementsLost > exact.Item1 || (alt.PlacementsLost == exact.Item1 && alt.CostMilli >= exact.Item2));
                    }

                    Assert.True(pricer.CostAtLeast(a) <= pricer.Weighted(alt), "the relaxation's lower bound exceeds the cost");
                    priced++;
                }
            }
        }

        // Small random batches are much harder for the Lagrangian flow than real weeks (groups of two at two-place
        // homes everywhere), so the forced relaxations and the searches on cores price most of these: every price
        // is still proved, and right.
        Assert.True(priced > 300, $"only {priced} arcs priced");
        Assert.True(proved == priced && unpriced == 0, $"{proved} of {priced} prices proved, {unpriced} carers not priced");
    }
}
