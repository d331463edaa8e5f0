using FsCheck.Xunit;
using Matching.Solving;

namespace Matching.Core.Tests.Solving;

/// <summary>
/// Cuts only take away fractional points: on small random models, after rounds of zero-half and conflict cuts, no
/// plan is worth more than the relaxation's bound, with or without an arc held in or kept off, whether the rounds run
/// on a fresh model or on a warm one that keeps every cut from the arcs before. And the warm model's relaxations are
/// the cold ones' (same bound), started from whatever basis the solves before left.
/// </summary>
public sealed class CutRoundsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Property(MaxTest = 300, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Bounds_RandomModelAfterCuts_NeverBelowAnyPlan(int seed)
    {
        var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
        var plans = Plans(m, MipFormulation.Build(m).ChildWeight);
        if (plans.Count == 0)
        {
            return;
        }

        var (f, whole) = CutRounds.Run(m, MipFormulation.Build(m), g => LinearRelaxation.Solve(g, Limit, CancellationToken.None));
        Assert.NotNull(whole);
        Assert.True(whole.Ceiling >= plans.Max(p => p.Worth));

        var rng = new Random(seed);
        var core = Enumerable.Range(0, m.ArcCount).Where(_ => rng.Next(3) == 0).ToArray();
        using var warm = new WarmRelaxation(f, core);
        for (var a = 0; a < m.ArcCount; a++)
        {
            var arc = a;
            var with = plans.Where(p => p.Arcs.Contains(arc)).Select(p => (long?)p.Worth).Max();
            var without = plans.Where(p => !p.Arcs.Contains(arc)).Select(p => (long?)p.Worth).Max();
            if (with is { } w)
            {
                var held = CutRounds.Run(m, warm, () => warm.Solve(arc, null, Limit, CancellationToken.None));
                Assert.NotNull(held);
                Assert.True(held.Ceiling >= w, $"arc {arc} held: ceiling {held.Ceiling} below a plan worth {w}");
                var cold = LinearRelaxation.SolveByColumns(warm.Formulation, core, arc, Limit, CancellationToken.None);
                Assert.NotNull(cold);
                Assert.InRange(held.Ceiling - cold.Ceiling, -1, 1);
            }

            if (without is { } wo && m.ItemForcedArc[m.ArcItem[arc]] != arc)
            {
                var kept = warm.Solve(-1, [arc], Limit, CancellationToken.None);
                Assert.NotNull(kept);
                Assert.True(kept.Ceiling >= wo, $"arc {arc} kept off: ceiling {kept.Ceiling} below a plan worth {wo}");
            }
        }
    }

    [Fact]
    public void Separate_RandomModels_FindBothKindsOfCut()
    {
        // The property above is only as strong as the cuts it meets: the random models must give both kinds.
        int half = 0, conflict = 0;
        for (var seed = 1; seed <= 600 && (half < 5 || conflict < 5); seed++)
        {
            var m = AssignmentSolverVersusBruteForceTests.RandomModel(seed);
            var f = MipFormulation.Build(m);
            if (LinearRelaxation.Solve(f, Limit, CancellationToken.None) is not { } relaxation)
            {
                continue;
            }

            half += HalfCuts.Separate(f, relaxation.Values).Count > 0 ? 1 : 0;
            conflict += ConflictCuts.Separate(m, f, relaxation.Values).Count > 0 ? 1 : 0;
        }

        Assert.True(half >= 5, $"zero-half cuts on {half} models");
        Assert.True(conflict >= 5, $"conflict cuts on {conflict} models");
    }

    /// <summary>Every valid plan of the model with its worth and the arcs it uses.</summary>
    private static List<(long Worth, HashSet<int> Arcs)> Plans(AssignmentModel m, long weight)
    {
        var arcsOf = Enumerable.Range(0, m.ItemCount).Select(i => Enumerable.Range(0, m.ArcCount).Where(a => m.ArcItem[a] == i).Prepend(-1).ToArray()).ToArray();
        var plan = new int[m.ItemCount];
        var plans = new List<(long, HashSet<int>)>();
        void Walk(int i)
        {
            if (i == m.ItemCount)
            {
                if (AssignmentSolverVersusBruteForceTests.Valid(m, plan))
                {
                    var (value, score) = AssignmentSolverVersusBruteForceTests.Worth(m, plan);
                    plans.Add(((value * weight) + score, plan.Where(a => a >= 0).ToHashSet()));
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
        return plans;
    }
}
