using FsCheck.Xunit;
using Matching.Core.Tests.Support;
using Matching.Generation;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// The warm model keeps out the rows its columns cannot break, and its relaxations are still the cold ones: one warm
/// model's solves in sequence, each with its own arc held and arcs kept off, have the bounds of the same relaxations
/// solved cold by columns, also where a solve starts again from scratch on the model as it stands (as after a solve
/// GLOP fails). The exact bound arithmetic gives the same in 64 bits as in 128, and falls back to 128 bits
/// where 64 overflow.
/// </summary>
public sealed class WarmRelaxationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Property(MaxTest = 200, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Solves_RandomModelInSequence_SameBoundsAsColdRelaxations(int seed)
    {
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var rng = new Random(seed);
        var core = Enumerable.Range(0, m.ArcCount).Where(_ => rng.Next(4) == 0).ToArray();
        using var warm = new WarmRelaxation(f, core);
        for (var step = 0; step < 6; step++)
        {
            // Some solves start from scratch on the model as it stands, as one does after GLOP fails from its basis.
            warm.FreshStarts = rng.Next(3) == 0;
            var forced = m.ArcCount == 0 || rng.Next(3) == 0 ? -1 : rng.Next(m.ArcCount);
            int[] excluded = [.. Enumerable.Range(0, m.ArcCount).Where(a => a != forced && rng.Next(5) == 0)];
            var hot = warm.Solve(forced, excluded, Limit, CancellationToken.None);
            var cold = LinearRelaxation.SolveByColumns(f, core, forced, Limit, CancellationToken.None, excludedArcs: excluded);
            Assert.Equal(cold is null, hot is null);
            if (hot is not null && cold is not null)
            {
                Assert.True(hot.Complete, $"step {step}: the warm solve did not price every column");
                Assert.InRange(hot.Ceiling - cold.Ceiling, -1, 1);
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Empty_RandomModel_OnlyWhereNoPlanKeepsTheArcsHeldAndKeptOff(int seed)
    {
        // Against exhaustive search: proved empty only where no plan has the arcs held and none of those kept off;
        // never where one has; and always for two carers of one child, which no point can hold at once.
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var rng = new Random(seed);
        using var warm = new WarmRelaxation(f, []);
        for (var step = 0; step < 8 && m.ArcCount > 1; step++)
        {
            var (a, b) = (rng.Next(m.ArcCount), rng.Next(m.ArcCount));
            int[] excluded = [.. Enumerable.Range(0, m.ArcCount).Where(e => e != a && e != b && rng.Next(4) == 0)];
            var (some, _) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight, plan =>
                plan[m.ArcItem[a]] == a && plan[m.ArcItem[b]] == b && excluded.All(e => plan[m.ArcItem[e]] != e));
            var empty = warm.Empty(a, [b], excluded, Limit, CancellationToken.None);
            Assert.False(empty && some is not null, $"step {step}: arcs {a} and {b} proved empty, but a plan keeps them");
            if (a != b && m.ArcItem[a] == m.ArcItem[b])
            {
                Assert.True(empty, $"step {step}: two carers of one child, {a} and {b}, not proved empty");
            }
        }

        var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
        for (var a = 0; a < m.ArcCount; a++)
        {
            Assert.False(bestWith[a] is not null && warm.Empty(a, [], null, Limit, CancellationToken.None), $"arc {a}: a plan uses it, but it was proved empty");
        }
    }

    [Fact]
    public void Empty_SameChildTwice_ProvedEmptyAndOneCarerNot()
    {
        // Over fixed seeds, some model has a child with two carers: both held at once is empty; one alone, where a plan
        // uses it, is not.
        var checkedPairs = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
            var f = MipFormulation.Build(m);
            var (_, bestWith) = LinearRelaxationTests.Exhaustive(m, f.ChildWeight);
            using var warm = new WarmRelaxation(f, []);
            for (var a = 0; a + 1 < m.ArcCount; a++)
            {
                if (m.ArcItem[a] == m.ArcItem[a + 1] && bestWith[a] is not null)
                {
                    Assert.True(warm.Empty(a, [a + 1], null, Limit, CancellationToken.None), $"seed {seed}, arcs {a} and {a + 1}");
                    Assert.False(warm.Empty(a, [], null, Limit, CancellationToken.None), $"seed {seed}, arc {a}");
                    checkedPairs++;
                }
            }
        }

        Assert.True(checkedPairs >= 10, $"only {checkedPairs} pairs checked");
    }

    [Fact]
    public void Rows_FosteringWeek_OnlyThoseItsColumnsCanBreak()
    {
        // Generated fostering week 9's largest component, from the core the pricer starts with: every row left out
        // holds whatever the loaded columns do, and a quarter or more of the rows their columns touch (such as a far
        // arc's row, which its sibling group's variables load) are left out. Every row touched was loaded before: on
        // week 12 the pricing jobs' models held 6,000 rows a solve, now 3,600.
        var (_, batch) = GeneratedWeek.Create(BatchKind.Fostering, 9);
        var solution = BatchSolver.Solve(batch, new SolveOptions { Threads = 2 }, [], null, CancellationToken.None).Solution!;
        var k = Enumerable.Range(0, solution.Models.Length).MaxBy(i => solution.Models[i].Model.ArcCount);
        var m = solution.Models[k].Model;
        var (f, root) = solution.Solutions[k].Root!.Value;
        Assert.NotNull(root);
        var core = ModelIndex.Group(m.ArcItem, m.ItemCount, m.ArcCount)
            .SelectMany(arcs => arcs.OrderBy(root.Slack).ThenBy(a => a).Take(Matching.Explain.RelaxationPricer.CorePerItem))
            .Distinct().Order().ToArray();
        using var warm = new WarmRelaxation(f, core);

        var touched = 0;
        var loaded = 0;
        for (var r = 0; r < f.Rows.Count; r++)
        {
            var row = f.Rows[r];
            if (!row.Vars.Any(warm.IsLoaded))
            {
                Assert.False(warm.IsRowLoaded(r) && row.Lower <= 0, $"row {r} is loaded with no column in it");
                continue;
            }

            touched++;
            if (warm.IsRowLoaded(r))
            {
                loaded++;
                continue;
            }

            var (least, most) = (0.0, 0.0);
            for (var j = 0; j < row.Vars.Length; j++)
            {
                var v = row.Vars[j];
                var ends = new[] { row.Coefs[j] * f.Lower[v], row.Coefs[j] * (warm.IsLoaded(v) ? f.Upper[v] : f.Lower[v]) };
                least += ends.Min();
                most += ends.Max();
            }

            Assert.True(least >= row.Lower - 1e-9 && most <= row.Upper + 1e-9, $"row {r} ({row.Kind}) can be broken by the loaded columns but is left out");
        }

        Assert.True(loaded <= touched * 3 / 4, $"{loaded} of the {touched} rows the loaded columns touch are loaded");

        // The relaxation from this model is the batch's own.
        var again = warm.Solve(-1, null, Limit, CancellationToken.None);
        Assert.NotNull(again);
        Assert.InRange(again.Ceiling - root.Ceiling, -1, 1);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Bound_RandomMultipliers_SameIn64And128Bits(int seed)
    {
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var f = MipFormulation.Build(m);
        var rng = new Random(seed);
        var duals = f.Rows.Select(_ => rng.Next(3) == 0 ? 0 : (rng.NextDouble() - 0.5) * 2e6).ToArray();
        var (lower, upper) = (f.Lower.ToArray(), f.Upper.ToArray());
        var active = Enumerable.Range(0, f.VarCount).Select(_ => rng.Next(2) == 0).ToArray();
        foreach (var sign in (double[])[1, -1])
        {
            foreach (var solved in (bool[]?[])[null, active])
            {
                var wide = LinearRelaxation.Lagrangian<Int128>(f, duals, sign, lower, upper, solved);
                var narrow = LinearRelaxation.Lagrangian<long>(f, duals, sign, lower, upper, solved);
                Assert.Equal(wide.Bound, narrow.Bound);
                Assert.Equal(wide.ActiveBound, narrow.ActiveBound);
                Assert.Equal(wide.Reduced, narrow.Reduced);
                Assert.Equal(wide.Bound, LinearRelaxation.Lagrangian(f, duals, sign, lower, upper, solved).Bound);
            }
        }
    }

    [Fact]
    public void Bound_TooLargeFor64Bits_In128()
    {
        // Multipliers of 1.5 x 2^42 on every row: scaled by 2^20, an arc in its child's row and its home's row has a
        // reduced cost below -2^63.
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(7);
        var f = MipFormulation.Build(m);
        Assert.True(m.ArcCount > 0);
        var duals = f.Rows.Select(_ => 1.5 * Math.Pow(2, 42)).ToArray();
        var (lower, upper) = (f.Lower.ToArray(), f.Upper.ToArray());
        Assert.Throws<OverflowException>(() => LinearRelaxation.Lagrangian<long>(f, duals, 1, lower, upper, null));
        var wide = LinearRelaxation.Lagrangian<Int128>(f, duals, 1, lower, upper, null);
        var chosen = LinearRelaxation.Lagrangian(f, duals, 1, lower, upper, null);
        Assert.Equal(wide.Bound, chosen.Bound);
        Assert.Equal(wide.Reduced, chosen.Reduced);
    }
}
