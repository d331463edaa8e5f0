namespace Matching.Solving;

/// <summary>
/// Clique cuts from the conflicts at one bin: two families at a bin must fit its shared room (the mixed capacity, for
/// a fostering household) and an exclusive placement shares with no one, so ways of being at the bin that cannot go
/// together form a graph, and at most one of a clique of it is used. The capacity rows see this only in aggregate:
/// a group of three at 0.4 beside another family at a four-place home with room for three when shared keeps them,
/// and no clique of them does.
/// </summary>
internal static class ConflictCuts
{
    private const double Tolerance = 1e-6;

    /// <summary>The least violation kept.</summary>
    private const double MinViolation = 0.05;

    /// <summary>Clique rows violated by <paramref name="values"/>, at most <paramref name="max"/>, in a deterministic order.</summary>
    public static IReadOnlyList<MipFormulation.Row> Separate(AssignmentModel m, MipFormulation f, IReadOnlyList<double> values, int max = 50)
    {
        var cuts = new List<MipFormulation.Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fractional = new bool[f.VarCount];
        for (var v = 0; v < f.VarCount; v++)
        {
            fractional[v] = values[v] > Tolerance && values[v] < 1 - Tolerance;
        }

        foreach (var bin in f.OptionsAtBin.Keys.Order())
        {
            var options = f.OptionsAtBin[bin];
            if (!options.Exists(o => fractional[o.Var]))
            {
                continue;
            }

            var shared = Math.Min(m.BinCapacity[bin], m.BinMixedCapacity[bin]);

            var used = options.Where(o => values[o.Var] > Tolerance).OrderByDescending(o => values[o.Var]).ThenBy(o => o.Var).ToArray();
            var unused = options.Where(o => values[o.Var] <= Tolerance).OrderBy(o => o.Var).ToArray();
            var clique = new List<MipFormulation.BinOption>();
            foreach (var seed in used)
            {
                if (!fractional[seed.Var])
                {
                    continue;
                }

                clique.Clear();
                clique.Add(seed);
                var sum = values[seed.Var];
                foreach (var candidate in used.Concat(unused))
                {
                    if (candidate != seed && ConflictsWithAll(clique, candidate, shared))
                    {
                        clique.Add(candidate);
                        sum += values[candidate.Var];
                    }
                }

                if (sum > 1 + MinViolation)
                {
                    var vars = clique.Select(o => o.Var).Order().ToArray();
                    if (seen.Add(string.Join(',', vars)))
                    {
                        cuts.Add(new MipFormulation.Row(double.NegativeInfinity, 1, vars, [.. vars.Select(_ => 1.0)], MipFormulation.RowKind.Other));
                        if (cuts.Count == max)
                        {
                            return cuts;
                        }
                    }
                }
            }

            if (Cover(options, values, shared) is { } cover && seen.Add(string.Join(',', cover.Vars)))
            {
                cuts.Add(cover);
                if (cuts.Count == max)
                {
                    return cuts;
                }
            }
        }

        return cuts;
    }

    /// <summary>
    /// Two ways of being at a bin that cannot both be used: two of one family's placements there (arcs or subsets of its
    /// children; its presence goes with either), or ways of two families where either is exclusive or their loads
    /// together exceed the bin's shared room.
    /// </summary>
    private static bool Conflict(MipFormulation.BinOption a, MipFormulation.BinOption b, long shared) => a.Family == b.Family
        ? !a.Presence && !b.Presence
        : a.Exclusive || b.Exclusive || a.Load + b.Load > shared;

    private static bool ConflictsWithAll(List<MipFormulation.BinOption> clique, MipFormulation.BinOption candidate, long shared)
    {
        foreach (var c in clique)
        {
            if (!Conflict(c, candidate, shared))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A cover: ways of being at the bin of distinct families whose loads together exceed its shared room, so not all
    /// of them are used; found greedily (those nearest 1 first), extended by every other way at least as heavy as the
    /// heaviest of them, and kept when violated. Any two may fit where three do not, which no clique sees.
    /// </summary>
    private static MipFormulation.Row? Cover(List<MipFormulation.BinOption> options, IReadOnlyList<double> values, long shared)
    {
        var candidates = options.Where(o => !o.Presence && values[o.Var] > Tolerance)
            .GroupBy(o => o.Family)
            .Select(g => g.OrderByDescending(o => values[o.Var]).ThenBy(o => o.Var).First())
            .OrderBy(o => 1 - values[o.Var]).ThenByDescending(o => o.Load).ThenBy(o => o.Var)
            .ToArray();
        var cover = new List<MipFormulation.BinOption>();
        long load = 0;
        foreach (var o in candidates)
        {
            if (load > shared)
            {
                break;
            }

            cover.Add(o);
            load += o.Load;
        }

        if (load <= shared || cover.Count < 2 || cover.Sum(o => values[o.Var]) <= cover.Count - 1 + MinViolation)
        {
            return null;
        }

        var heaviest = cover.Max(o => o.Load);
        var vars = cover.Select(o => o.Var)
            .Concat(options.Where(o => !o.Presence && o.Load >= heaviest).Select(o => o.Var))
            .Distinct().Order().ToArray();
        return new MipFormulation.Row(double.NegativeInfinity, cover.Count - 1, vars, [.. vars.Select(_ => 1.0)], MipFormulation.RowKind.Other);
    }
}
