using FsCheck.Xunit;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// Every exact back end of the generic layer against exhaustive search over plans on small random models: sibling
/// families, loads, capacities, the mixed limit, exclusive arcs, split and far penalties, pins and place-everything
/// (generalized assignment). The relaxation back end is run both as shipped and with its proof switched off, so
/// that its reduced-cost core search is exercised on every model, with the core solved by CP-SAT and by SCIP, and
/// with first cores small enough that the second round (arcs the reduced costs cannot rule out) is exercised too.
/// </summary>
public sealed class AssignmentSolverVersusBruteForceTests
{
    private static readonly AssignmentSolverOptions Options = new() { TimeLimit = TimeSpan.FromSeconds(20) };

    [Property(MaxTest = 400, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void LpCore_RandomModel_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Options with { Backend = Backend.LpCore });

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void LpCoreSearchWithCpSat_RandomModel_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Options with { Backend = Backend.LpCore, RelaxationProof = false, CoreArcsPerItem = 0 });

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void LpCoreSearchWithScip_RandomModel_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Options with { Backend = Backend.LpCore, RelaxationProof = false, CpSatMaxArcs = 0, CoreArcsPerItem = 1 });

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Mip_RandomModel_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Options with { Backend = Backend.Mip });

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void CpSat_RandomModel_MatchesExhaustiveSearch(int seed) =>
        MatchesExhaustiveSearch(seed, Options with { Backend = Backend.CpSat });

    [Fact]
    public void LpCore_AllExclusiveSiblingGroups_IsProvedByTheRelaxation()
    {
        // Two one-place homes and a two-place home; a group of two that may split, and a single child. The
        // strengthened relaxation keeps the group whole at the two-place home: integral, proved without search.
        var m = new AssignmentModel
        {
            ItemValue = [1, 1, 1],
            ItemFamily = [0, 0, 1],
            ItemForcedArc = [-1, -1, -1],
            BinCapacity = [1, 1, 2],
            BinMixedCapacity = [1, 1, 2],
            BinFamilyLoadCap = [1, 1, 2],
            ArcItem = [0, 0, 0, 1, 1, 1, 2, 2],
            ArcBin = [0, 1, 2, 0, 1, 2, 0, 2],
            ArcLoad = [1, 1, 1, 1, 1, 1, 1, 1],
            ArcScore = [500, 400, 300, 400, 500, 300, 100, 900],
            ArcExclusive = [true, true, true, true, true, true, true, true],
            ArcFar = [false, false, false, false, false, false, false, false],
            FamilySplitPenalty = [2000, 0],
            FamilyFarPenalty = [0, 0],
        };
        var solution = AssignmentSolver.Solve(m, Options with { Backend = Backend.LpCore }, CancellationToken.None);
        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.Equal("lp", solution.Method);
        Assert.Equal(3, solution.Value);
        Assert.Equal(BruteForce(m)!.Value.Score, solution.Score);
        Assert.Equal([2, 5, 6], solution.ItemArc);
    }

    private static void MatchesExhaustiveSearch(int seed, AssignmentSolverOptions options)
    {
        var m = RandomModel(seed);
        var solution = AssignmentSolver.Solve(m, options, CancellationToken.None);
        var best = BruteForce(m);
        if (best is null)
        {
            Assert.Equal(SolveStatus.Infeasible, solution.Status);
            return;
        }

        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.True(ModelPlan.IsValid(m, solution.ItemArc));
        Assert.Equal(best.Value.Value, solution.Value);
        Assert.Equal(best.Value.Score, solution.Score);
        Assert.Equal((solution.Value, solution.Score), ModelPlan.Measure(m, solution.ItemArc));
        Assert.Equal(solution.Score, solution.ScoreBound);
    }

    /// <summary>The best (children placed, then score) over every plan, written without the solver's helpers.</summary>
    private static (long Value, long Score)? BruteForce(AssignmentModel m)
    {
        var arcsOf = Enumerable.Range(0, m.ItemCount).Select(i => Enumerable.Range(0, m.ArcCount).Where(a => m.ArcItem[a] == i).ToArray()).ToArray();
        var plan = new int[m.ItemCount];
        (long Value, long Score)? best = null;
        void Walk(int i)
        {
            if (i == m.ItemCount)
            {
                if (Valid(m, plan))
                {
                    var worth = Worth(m, plan);
                    if (best is null || worth.Value > best.Value.Value || (worth.Value == best.Value.Value && worth.Score > best.Value.Score))
                    {
                        best = worth;
                    }
                }

                return;
            }

            foreach (var a in arcsOf[i].Prepend(-1))
            {
                plan[i] = a;
                Walk(i + 1);
            }
        }

        Walk(0);
        return best;
    }

    internal static bool Valid(AssignmentModel m, int[] plan)
    {
        for (var i = 0; i < m.ItemCount; i++)
        {
            if ((plan[i] < 0 && m.AssignAll) || (m.ItemForcedArc[i] >= 0 && plan[i] != m.ItemForcedArc[i]))
            {
                return false;
            }
        }

        for (var b = 0; b < m.BinCount; b++)
        {
            var here = Enumerable.Range(0, m.ItemCount).Where(i => plan[i] >= 0 && m.ArcBin[plan[i]] == b).ToArray();
            var load = here.Sum(i => m.ArcLoad[plan[i]]);
            var families = here.Select(i => m.ItemFamily[i]).Distinct().Count();
            if (load > m.BinCapacity[b] || (families > 1 && load > m.BinMixedCapacity[b]))
            {
                return false;
            }

            if (families > 1 && here.Any(i => m.ArcExclusive[plan[i]]))
            {
                return false;
            }

            if (here.GroupBy(i => m.ItemFamily[i]).Any(g => g.Sum(i => m.ArcLoad[plan[i]]) > m.BinFamilyLoadCap[b]))
            {
                return false;
            }
        }

        return true;
    }

    internal static (long Value, long Score) Worth(AssignmentModel m, int[] plan)
    {
        long value = 0, score = 0;
        for (var i = 0; i < m.ItemCount; i++)
        {
            if (plan[i] >= 0)
            {
                value += m.ItemValue[i];
                score += m.ArcScore[plan[i]];
            }
        }

        for (var f = 0; f < m.FamilyCount; f++)
        {
            var placed = Enumerable.Range(0, m.ItemCount).Where(i => m.ItemFamily[i] == f && plan[i] >= 0).ToArray();
            var bins = placed.Select(i => m.ArcBin[plan[i]]).Distinct().Count();
            if (bins > 1)
            {
                score -= (m.FamilySplitPenalty[f] * (bins - 1)) + (m.FamilyFarPenalty[f] * placed.Count(i => m.ArcFar[plan[i]]));
            }
        }

        return (value, score);
    }

    /// <summary>A small random model: up to 6 items in up to 3 families, up to 4 bins, every rule in play.</summary>
    internal static AssignmentModel RandomModel(int seed)
    {
        var rng = new Random(seed);
        var items = rng.Next(1, 7);
        var bins = rng.Next(1, 5);
        var assignAll = rng.Next(8) == 0;
        var families = rng.Next(1, Math.Min(items, 3) + 1);
        var itemFamily = Enumerable.Range(0, items).Select(i => i < families ? i : rng.Next(families)).ToArray();
        var itemValue = Enumerable.Range(0, items).Select(_ => rng.Next(4) == 0 ? 2 : 1).ToArray();
        var exclusiveItem = Enumerable.Range(0, items).Select(_ => rng.Next(3) == 0).ToArray();
        var capacity = Enumerable.Range(0, bins).Select(_ => rng.Next(1, 5)).ToArray();
        var familyCap = capacity.Select(c => rng.Next(4) == 0 ? rng.Next(1, c + 1) : c).ToArray();
        var arcItem = new List<int>();
        var arcBin = new List<int>();
        var arcLoad = new List<int>();
        for (var i = 0; i < items; i++)
        {
            for (var b = 0; b < bins; b++)
            {
                // The model's promise: an arc's own load fits its bin's limit for one family.
                var load = assignAll ? rng.Next(1, 4) : itemValue[i];
                if (rng.Next(4) != 0 && load <= familyCap[b])
                {
                    arcItem.Add(i);
                    arcBin.Add(b);
                    arcLoad.Add(load);
                }
            }
        }

        var arcs = arcItem.Count;
        var forced = Enumerable.Repeat(-1, items).ToArray();
        if (arcs > 0 && rng.Next(6) == 0)
        {
            var a = rng.Next(arcs);
            forced[arcItem[a]] = a;
        }

        var familySize = Enumerable.Range(0, families).Select(f => itemFamily.Count(x => x == f)).ToArray();
        return new AssignmentModel
        {
            ItemValue = itemValue,
            ItemFamily = itemFamily,
            ItemForcedArc = forced,
            BinCapacity = capacity,
            BinMixedCapacity = [.. capacity.Select(c => rng.Next(3) == 0 ? rng.Next(1, c + 1) : c)],
            BinFamilyLoadCap = familyCap,
            ArcItem = [.. arcItem],
            ArcBin = [.. arcBin],
            ArcLoad = [.. arcLoad],
            ArcScore = [.. arcItem.Select(_ => (long)rng.Next(-3000, 10001))],
            ArcExclusive = [.. arcItem.Select(i => exclusiveItem[i])],
            ArcFar = [.. arcItem.Select(_ => rng.Next(3) == 0)],
            FamilySplitPenalty = [.. familySize.Select(s => s > 1 ? (long)rng.Next(0, 6000) : 0)],
            FamilyFarPenalty = [.. familySize.Select(s => s > 1 ? (long)rng.Next(0, 3000) : 0)],
            AssignAll = assignAll,
        };
    }
}
