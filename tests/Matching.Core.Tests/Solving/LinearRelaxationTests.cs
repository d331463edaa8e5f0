using FsCheck.Xunit;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// The relaxation's bounds are proofs: on small random models, no plan is worth more than the bound, and no plan
/// using an arc more than the bound with that arc forced; whether the relaxation is solved whole, by column
/// generation from a small core, or with an arc held at 1.
/// </summary>
public sealed class LinearRelaxationTests
{
    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Bounds_RandomModel_NeverBelowAnyPlan(int seed)
    {
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var (best, bestWith) = Exhaustive(m, f.ChildWeight);
        if (best is null)
        {
            return; // no plan at all (pins or place-everything): nothing to bound
        }

        var whole = LinearRelaxation.Solve(f, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.NotNull(whole);
        Assert.True(whole.Complete);
        var rng = new Random(seed);
        var core = Enumerable.Range(0, m.ArcCount).Where(_ => rng.Next(3) == 0).ToArray();
        var columns = LinearRelaxation.SolveByColumns(f, core, -1, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.NotNull(columns);
        foreach (var relaxation in new[] { whole, columns })
        {
            Assert.True(relaxation.Ceiling >= best.Value);
            Assert.True(relaxation.NoneAbove(relaxation.Ceiling));
            for (var a = 0; a < m.ArcCount; a++)
            {
                if (bestWith[a] is { } worth)
                {
                    Assert.True(relaxation.CeilingWith(a) >= worth, $"arc {a}: ceiling {relaxation.CeilingWith(a)} below a plan worth {worth}");
                    Assert.False(relaxation.NoneAboveWith(a, worth - 1));
                }
            }
        }

        // Column generation from a small core reaches the whole relaxation's value (both complete).
        Assert.True(columns.Complete);
        Assert.Equal(whole.Ceiling, columns.Ceiling);

        // With an arc held at 1, the bound covers every plan that uses it.
        var forced = rng.Next(m.ArcCount);
        if (m.ArcCount > 0 && bestWith[forced] is { } forcedWorth && m.ItemForcedArc[m.ArcItem[forced]] < 0)
        {
            var held = LinearRelaxation.SolveByColumns(f, core, forced, TimeSpan.FromSeconds(20), CancellationToken.None);
            Assert.NotNull(held);
            Assert.True(held.Ceiling >= forcedWorth);
        }
    }

    /// <summary>The best worth of any plan, and of any plan using each arc (null when none does).</summary>
    private static (long? Best, long?[] BestWith) Exhaustive(AssignmentModel m, long weight)
    {
        var arcsOf = Enumerable.Range(0, m.ItemCount).Select(i => Enumerable.Range(0, m.ArcCount).Where(a => m.ArcItem[a] == i).Prepend(-1).ToArray()).ToArray();
        var plan = new int[m.ItemCount];
        long? best = null;
        var bestWith = new long?[m.ArcCount];
        void Walk(int i)
        {
            if (i == m.ItemCount)
            {
                if (AssignmentSolverVersusBruteForceTests.Valid(m, plan))
                {
                    var (value, score) = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
                    var worth = (value * weight) + score;
                    best = Math.Max(best ?? long.MinValue, worth);
                    foreach (var a in plan.Where(a => a >= 0))
                    {
                        bestWith[a] = Math.Max(bestWith[a] ?? long.MinValue, worth);
                    }
                }

                return;
            }

            foreach (var a in arcsOf[i])
            {
                plan[i] = a;
                Walk(i + 1);
            }
        }

        Walk(0);
        return (best, bestWith);
    }
}
