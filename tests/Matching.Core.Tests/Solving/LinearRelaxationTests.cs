using FsCheck.Xunit;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// The relaxation's bounds are proofs: on small random models, no plan is worth more than the bound, and no plan
/// using an arc more than the bound with that arc forced; whether the relaxation is solved whole, by column
/// generation from a small core, with an arc held at 1, or restricted to one case of a sibling group's plans.
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

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void FamilyCases_RandomModel_EachBoundsEveryPlanOfItsCase(int seed)
    {
        // Every plan splits a family, or has it at one home, or leaves one of its children unplaced (a plan may be
        // in the last two both): the relaxation restricted to each case bounds every plan of that case, with any of
        // its arcs; and the variable said to mean "the whole family at this home" bounds the plans that do that.
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var plans = new List<(int[] Plan, long Worth)>();
        Enumerate(m, f.ChildWeight, plans);
        for (var g = 0; g < m.FamilyCount; g++)
        {
            var items = Enumerable.Range(0, m.ItemCount).Where(i => m.ItemFamily[i] == g).ToArray();
            if (f.WithFamily(g, MipFormulation.FamilyCase.Split, m) is null)
            {
                var homes = Enumerable.Range(0, m.ArcCount).Where(a => m.ItemFamily[m.ArcItem[a]] == g).Select(a => m.ArcBin[a]).Distinct().Count();
                Assert.True(items.Length < 2 || (m.FamilySplitPenalty[g] == 0 && m.FamilyFarPenalty[g] == 0) || homes < 2, $"family {g} of {items.Length} that can split at a cost has no cases");
                continue;
            }

            var cases = Enum.GetValues<MipFormulation.FamilyCase>()
                .Select(kind => (kind, LinearRelaxation.Solve(f.WithFamily(g, kind, m)!, TimeSpan.FromSeconds(20), CancellationToken.None)))
                .ToArray();

            // The same cases on one warm model, each row added for its solve and then left free: the bounds hold as
            // well, and once every case is done the model is the plain relaxation again.
            using var warm = new WarmRelaxation(f, []);
            var warmCases = Enum.GetValues<MipFormulation.FamilyCase>()
                .Select(kind => (kind, warm.SolveWith(f.FamilyRow(g, kind, m)!, TimeSpan.FromSeconds(20), CancellationToken.None)))
                .ToArray();
            foreach (var ((kind, cold), (_, hot)) in cases.Zip(warmCases))
            {
                Assert.Equal(cold is null, hot is null);
                Assert.InRange((hot?.Ceiling ?? 0) - (cold?.Ceiling ?? 0), -1, 1);
            }

            var plain = LinearRelaxation.Solve(f, TimeSpan.FromSeconds(20), CancellationToken.None);
            var after = warm.Solve(-1, null, TimeSpan.FromSeconds(20), CancellationToken.None);
            if (plain is not null)
            {
                Assert.NotNull(after);
                Assert.InRange(after.Ceiling - plain.Ceiling, -1, 1);
            }

            MipFormulation.FamilyCase CaseOf(int[] plan) =>
                items.Where(i => plan[i] >= 0).Select(i => m.ArcBin[plan[i]]).Distinct().Count() >= 2 ? MipFormulation.FamilyCase.Split
                : items.Any(i => plan[i] < 0) ? MipFormulation.FamilyCase.Short
                : MipFormulation.FamilyCase.Together;
            foreach (var (plan, worth) in plans)
            {
                var kind = CaseOf(plan);
                var warmCase = warmCases.Single(c => c.kind == kind).Item2;
                Assert.NotNull(warmCase);
                Assert.True(warmCase.Ceiling >= worth, $"family {g}, {kind} (warm): ceiling {warmCase.Ceiling} below a plan worth {worth}");
            }

            foreach (var (plan, worth) in plans)
            {
                var kind = CaseOf(plan);
                var relaxation = cases.Single(c => c.kind == kind).Item2;
                Assert.NotNull(relaxation); // a case with a plan has a relaxation

                Assert.True(relaxation.Ceiling >= worth, $"family {g}, {kind}: ceiling {relaxation.Ceiling} below a plan worth {worth}");
                foreach (var a in plan.Where(a => a >= 0))
                {
                    Assert.True(relaxation.CeilingWith(a) >= worth);
                    if (f.SubsetsOf(a) is { Length: > 0 } subsets)
                    {
                        Assert.True(subsets.Max(v => relaxation.CeilingWith(v)) >= worth, "no subset holding the arc bounds the plan");
                    }
                }

                if (kind == MipFormulation.FamilyCase.Together)
                {
                    var arc = plan[items[0]];
                    Assert.NotEqual(-1, f.WholeFamilyAt(arc));
                    if (f.WholeFamilyAt(arc) is { } whole)
                    {
                        Assert.True(relaxation.CeilingWith(whole) >= worth);
                    }
                }
            }
        }
    }

    /// <summary>Every valid plan with its worth.</summary>
    private static void Enumerate(AssignmentModel m, long weight, List<(int[] Plan, long Worth)> plans)
    {
        var arcsOf = Enumerable.Range(0, m.ItemCount).Select(i => Enumerable.Range(0, m.ArcCount).Where(a => m.ArcItem[a] == i).Prepend(-1).ToArray()).ToArray();
        var plan = new int[m.ItemCount];
        void Walk(int i)
        {
            if (i == m.ItemCount)
            {
                if (AssignmentSolverVersusBruteForceTests.Valid(m, plan))
                {
                    var (value, score) = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
                    plans.Add(((int[])plan.Clone(), (value * weight) + score));
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
    }

    /// <summary>The best plan's worth, and the best with each arc, over every valid plan (or those <paramref name="region"/> keeps).</summary>
    internal static (long? Best, long?[] BestWith) Exhaustive(AssignmentModel m, long weight, Func<int[], bool>? region = null)
    {
        var arcsOf = Enumerable.Range(0, m.ItemCount).Select(i => Enumerable.Range(0, m.ArcCount).Where(a => m.ArcItem[a] == i).Prepend(-1).ToArray()).ToArray();
        var plan = new int[m.ItemCount];
        long? best = null;
        var bestWith = new long?[m.ArcCount];
        void Walk(int i)
        {
            if (i == m.ItemCount)
            {
                if (AssignmentSolverVersusBruteForceTests.Valid(m, plan) && (region is null || region(plan)))
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
