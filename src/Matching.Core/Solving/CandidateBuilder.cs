using Matching.Model;
using Matching.Rules.Hard;
using Matching.Rules.Soft;

namespace Matching.Solving;

/// <summary>
/// Finds the candidate pairs. Carers are pre-sorted by the placement types their approval fits, and children with
/// a contact mile limit search a spatial grid, so most refused pairs are never looked at.
/// </summary>
internal static class CandidateBuilder
{
    /// <summary>Children times carers above which the automatic setting keeps only the best candidates.</summary>
    public const long NationalScale = 5_000_000;

    public const int NationalKeep = 200;

    public static int KeepPerUnit(PreparedBatch batch, int requested) => requested switch
    {
        < 0 => int.MaxValue,
        > 0 => requested,
        _ => (long)batch.Problem.Children.Length * batch.Carers.Length > NationalScale ? NationalKeep : int.MaxValue,
    };

    public static Candidates Build(PreparedBatch batch, int?[] pinnedCarer, CancellationToken cancellationToken, int threads, int keepPerUnit = int.MaxValue)
    {
        var rules = batch.Rules;
        var carers = batch.Carers;
        var grid = new SpatialGrid([.. carers.Select(c => c.Location)]);
        var approvalOn = rules.PairRules.Any(r => r is ApprovalFitsPlan);
        var distanceOn = rules.PairRules.Any(r => r is ContactDistance);
        var byType = new int[4][];
        foreach (var type in Enum.GetValues<PlacementType>())
        {
            byType[(int)type] = [.. Enumerable.Range(0, carers.Length).Where(i => !approvalOn || ApprovalFitsPlan.Fits(type, carers[i].Approval))];
        }

        var units = batch.Units;
        var perUnit = new (int[] Carers, long[] Scores, bool[] Far, bool Pruned)[units.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, units.Length, options, () => new List<int>(), (u, _, scratch) =>
        {
            perUnit[u] = Keep(ForUnit(batch, u, pinnedCarer[u], grid, byType, distanceOn, scratch), keepPerUnit);
            return scratch;
        }, _ => { });

        var start = new int[units.Length + 1];
        for (var u = 0; u < units.Length; u++)
        {
            start[u + 1] = checked(start[u] + perUnit[u].Carers.Length);
        }

        var arcCarer = new int[start[^1]];
        var arcScore = new long[start[^1]];
        var arcFar = new bool[start[^1]];
        for (var u = 0; u < units.Length; u++)
        {
            perUnit[u].Carers.CopyTo(arcCarer, start[u]);
            perUnit[u].Scores.CopyTo(arcScore, start[u]);
            perUnit[u].Far.CopyTo(arcFar, start[u]);
        }

        var pruned = perUnit.Any(p => p.Pruned);
        return new Candidates { UnitStart = start, ArcCarer = arcCarer, ArcScore = arcScore, ArcFar = arcFar, Pruned = pruned };
    }

    /// <summary>The best <paramref name="keep"/> candidates by score (ties: lower carer index), back in carer order.</summary>
    private static (int[] Carers, long[] Scores, bool[] Far, bool Pruned) Keep((int[] Carers, long[] Scores, bool[] Far) all, int keep)
    {
        if (all.Carers.Length <= keep)
        {
            return (all.Carers, all.Scores, all.Far, false);
        }

        var best = Enumerable.Range(0, all.Carers.Length)
            .OrderByDescending(i => all.Scores[i]).ThenBy(i => all.Carers[i])
            .Take(keep)
            .Order()
            .ToArray();
        return ([.. best.Select(i => all.Carers[i])], [.. best.Select(i => all.Scores[i])], [.. best.Select(i => all.Far[i])], true);
    }

    private static (int[] Carers, long[] Scores, bool[] Far) ForUnit(
        PreparedBatch batch, int u, int? pinned, SpatialGrid grid, int[][] byType, bool distanceOn, List<int> scratch)
    {
        var unit = batch.Units[u];
        var rules = batch.Rules;
        scratch.Clear();
        if (pinned is { } p)
        {
            scratch.Add(p);
        }
        else if (distanceOn && NearestLimit(batch, unit) is { } near)
        {
            // Straight-line radius for the travel-mile limit; a hair wider so that rounding never drops a carer
            // the rule itself (evaluated below) allows.
            grid.Within(near.Venue, (near.Miles / batch.Context.Settings.DetourFactor) + 1e-6, scratch);
        }
        else
        {
            scratch.AddRange(byType[(int)unit.Children[0].PlacementType]);
        }

        var carers = new List<int>();
        var scores = new List<long>();
        var far = new List<bool>();
        foreach (var c in scratch)
        {
            var carer = batch.Carers[c];
            long score = 0;
            var ok = true;
            var isFar = false;
            foreach (var child in unit.Children)
            {
                var facts = batch.Facts(unit, child, carer);
                if (rules.FirstRefusal(facts) is not null)
                {
                    ok = false;
                    break;
                }

                score = checked(score + Rules.PairScorer.Total(rules, facts));
                isFar |= SiblingSplit.IsFar(facts.ContactMiles, rules.SplitNearMiles);
            }

            if (ok)
            {
                carers.Add(c);
                scores.Add(score);
                far.Add(isFar);
            }
        }

        return ([.. carers], [.. scores], [.. far]);
    }

    private static (Location Venue, double Miles)? NearestLimit(PreparedBatch batch, Unit unit)
    {
        (Location, double)? best = null;
        foreach (var child in unit.Children)
        {
            if (child.Contact is { } venue && batch.Rules.ContactDistance.LimitFor(child.PlacementType) is { } limit
                && (best is null || limit < best.Value.Item2))
            {
                best = (venue, limit);
            }
        }

        return best;
    }
}
