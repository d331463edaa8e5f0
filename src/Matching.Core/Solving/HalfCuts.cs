namespace Matching.Solving;

/// <summary>
/// Zero-half cuts ({0, ½}-Chvátal–Gomory cuts) for a fractional point of a <see cref="MipFormulation"/>. Every
/// variable of the formulation is 0 or 1 in a plan and every row has whole coefficients and bounds, so half the sum
/// of some rows, with each coefficient and the bound rounded down, is a row every plan keeps. When the rows summed
/// are tight at the point, every fractional variable appears in the sum an even number of times and the bound is
/// odd, the rounded row cuts the point off by one half. Those sums are found by Gaussian elimination over GF(2) on
/// the tight rows, restricted to the fractional variables: on fostering weeks, a sibling group spread in halves or
/// thirds around a cycle of one-place homes is exactly such a point, and no single row sees it.
/// </summary>
internal static class HalfCuts
{
    private const double Tolerance = 1e-6;

    /// <summary>The least violation kept (a cut from tight rows is violated by one half).</summary>
    private const double MinViolation = 0.25;

    /// <summary>
    /// Cuts violated by <paramref name="values"/>, at most <paramref name="max"/> of them, in a deterministic order;
    /// none when the point is integral or no sum of its tight rows gives one.
    /// </summary>
    public static IReadOnlyList<MipFormulation.Row> Separate(MipFormulation f, IReadOnlyList<double> values, int max = 50)
    {
        // The column of each fractional variable in the bit vectors below (-1 for the others), in variable order.
        var columnOf = new int[f.VarCount];
        var fractionalVars = new List<int>();
        for (var v = 0; v < f.VarCount; v++)
        {
            columnOf[v] = -1;
            if (values[v] > Tolerance && values[v] < 1 - Tolerance)
            {
                columnOf[v] = fractionalVars.Count;
                fractionalVars.Add(v);
            }
        }

        if (fractionalVars.Count == 0)
        {
            return [];
        }

        // The tight rows touching a fractional variable, each as "a·x ≤ b" with whole a and b.
        var tight = new List<(int[] Vars, long[] Coefs, long Bound)>();
        foreach (var row in f.Rows)
        {
            if (row.Kind == MipFormulation.RowKind.HalfCut || !Touches(row, columnOf) || !Whole(row))
            {
                continue;
            }

            var activity = 0.0;
            for (var k = 0; k < row.Vars.Length; k++)
            {
                activity += row.Coefs[k] * values[row.Vars[k]];
            }

            if (!double.IsInfinity(row.Upper) && row.Upper - activity < Tolerance)
            {
                tight.Add((row.Vars, Longs(row.Coefs, 1), (long)row.Upper));
            }
            else if (!double.IsInfinity(row.Lower) && activity - row.Lower < Tolerance)
            {
                tight.Add((row.Vars, Longs(row.Coefs, -1), -(long)row.Lower));
            }
        }

        // Each tight row as a bit vector over the fractional variables, plus one bit for the parity of its bound once
        // every variable at 1 with an odd total coefficient is evened out by its bound x ≤ 1 (which adds 1).
        // Elimination pivots on the costliest fractional variable of each row (the one nearest one half), so a row
        // that reduces leaves only cheap ones: each left odd costs its distance to 0 or 1 in violation.
        var columns = fractionalVars.ToArray();
        var width = columns.Length + 1;
        var pivots = new List<(int Column, ulong[] Bits, ulong[] Members)>();
        var cuts = new List<MipFormulation.Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sum = new long[f.VarCount];
        for (var t = 0; t < tight.Count && cuts.Count < max; t++)
        {
            var bits = new ulong[Words(width)];
            var (vars, coefs, bound) = tight[t];
            var parity = bound & 1;
            for (var k = 0; k < vars.Length; k++)
            {
                if ((coefs[k] & 1) == 0)
                {
                    continue;
                }

                if (columnOf[vars[k]] is var column and >= 0)
                {
                    Flip(bits, column);
                }
                else if (values[vars[k]] >= 1 - Tolerance)
                {
                    parity ^= 1;
                }
            }

            if (parity == 1)
            {
                Flip(bits, width - 1);
            }

            var members = new ulong[Words(tight.Count)];
            Flip(members, t);
            foreach (var (pivotColumn, pivotBits, pivotMembers) in pivots)
            {
                if (Get(bits, pivotColumn))
                {
                    Xor(bits, pivotBits);
                    Xor(members, pivotMembers);
                }
            }

            var odd = Ones(bits, width - 1);
            if (Cost(odd, columns, values, Get(bits, width - 1)) < 1 - (2 * MinViolation))
            {
                if (Cut(tight, members, values, sum) is { } cut && seen.Add(Key(cut)))
                {
                    cuts.Add(cut);
                }

                continue;
            }

            if (odd.Length == 0)
            {
                continue;
            }

            // A new pivot: clear its column from the pivots before it, so each pivot owns its column.
            var pivot = odd.MaxBy(c => Math.Min(values[columns[c]], 1 - values[columns[c]]));
            foreach (var (_, pivotBits, pivotMembers) in pivots)
            {
                if (Get(pivotBits, pivot))
                {
                    Xor(pivotBits, bits);
                    Xor(pivotMembers, members);
                }
            }

            pivots.Add((pivot, bits, members));
        }

        return cuts;
    }

    /// <summary>
    /// The violation lost to the fractional variables left odd (twice it, in units of one half): each is rounded down
    /// (losing its value) or evened by its bound (losing one minus it, and flipping the bound's parity), and the
    /// bound must end odd. Infinity when it cannot.
    /// </summary>
    private static double Cost(int[] odd, int[] columns, IReadOnlyList<double> values, bool boundOdd)
    {
        var cost = 0.0;
        var parity = boundOdd;
        var cheapestFlip = double.PositiveInfinity;
        foreach (var c in odd)
        {
            var x = values[columns[c]];
            cost += Math.Min(x, 1 - x);
            parity ^= x > 0.5;
            cheapestFlip = Math.Min(cheapestFlip, Math.Abs(1 - (2 * x)));
        }

        return parity ? cost : cost + cheapestFlip;
    }

    /// <summary>
    /// Half the sum of the rows with the variables left odd evened or rounded down; null unless it is violated enough.
    /// <paramref name="sum"/> is all zeros, one entry per variable, and is left so.
    /// </summary>
    private static MipFormulation.Row? Cut(List<(int[] Vars, long[] Coefs, long Bound)> tight, ulong[] members, IReadOnlyList<double> values, long[] sum)
    {
        var touched = new List<int>();
        long bound = 0;
        for (var t = 0; t < tight.Count; t++)
        {
            if (!Get(members, t))
            {
                continue;
            }

            var (vars, coefs, b) = tight[t];
            bound += b;
            for (var k = 0; k < vars.Length; k++)
            {
                if (sum[vars[k]] == 0)
                {
                    touched.Add(vars[k]);
                }

                sum[vars[k]] += coefs[k];
            }
        }

        // The variables in order, each once (one whose total came back to zero and was touched again is listed twice).
        touched.Sort();
        var keys = new List<int>(touched.Count);
        foreach (var v in touched)
        {
            if (keys.Count == 0 || keys[^1] != v)
            {
                keys.Add(v);
            }
        }

        // Odd totals: variables above one half are evened by their bound x ≤ 1, the rest rounded down; if that leaves
        // the bound even, the odd fractional variable nearest one half takes the other choice.
        var odd = keys.Where(v => (sum[v] & 1) != 0).ToArray();
        var up = odd.Where(v => values[v] > 0.5).ToHashSet();
        var nearestHalf = odd.Where(v => values[v] > Tolerance && values[v] < 1 - Tolerance).OrderBy(v => Math.Abs(1 - (2 * values[v]))).ThenBy(v => v).ToArray();
        if ((bound + up.Count) % 2 == 0 && nearestHalf.Length > 0 && !up.Remove(nearestHalf[0]))
        {
            up.Add(nearestHalf[0]);
        }

        foreach (var v in up)
        {
            sum[v] += 1;
            bound += 1;
        }

        var terms = new List<(int Var, long Coef)>();
        foreach (var v in keys)
        {
            var coef = Math.DivRem(sum[v] - ((sum[v] % 2 + 2) % 2), 2).Quotient;
            sum[v] = 0;
            if (coef != 0)
            {
                terms.Add((v, coef));
            }
        }

        var rhs = Math.DivRem(bound - ((bound % 2 + 2) % 2), 2).Quotient;
        var activity = terms.Sum(t => t.Coef * values[t.Var]);
        return terms.Count == 0 || activity - rhs < MinViolation
            ? null
            : new MipFormulation.Row(double.NegativeInfinity, rhs, [.. terms.Select(t => t.Var)], [.. terms.Select(t => (double)t.Coef)], MipFormulation.RowKind.HalfCut);
    }

    private static bool Touches(MipFormulation.Row row, int[] columnOf)
    {
        foreach (var v in row.Vars)
        {
            if (columnOf[v] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Whole(MipFormulation.Row row)
    {
        foreach (var c in row.Coefs)
        {
            if (c != Math.Round(c))
            {
                return false;
            }
        }

        return (double.IsInfinity(row.Lower) || row.Lower == Math.Round(row.Lower)) &&
            (double.IsInfinity(row.Upper) || row.Upper == Math.Round(row.Upper));
    }

    private static long[] Longs(double[] coefs, long sign)
    {
        var result = new long[coefs.Length];
        for (var k = 0; k < coefs.Length; k++)
        {
            result[k] = sign * (long)coefs[k];
        }

        return result;
    }

    /// <summary>The positions of the bits set among the first <paramref name="count"/>, in order.</summary>
    private static int[] Ones(ulong[] bits, int count)
    {
        var ones = new List<int>();
        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                if (i < count)
                {
                    ones.Add(i);
                }
            }
        }

        return [.. ones];
    }

    private static string Key(MipFormulation.Row row) =>
        string.Join(' ', row.Vars.Zip(row.Coefs, (v, c) => FormattableString.Invariant($"{v}:{c}"))) + FormattableString.Invariant($"<={row.Upper}");

    private static int Words(int bits) => (bits + 63) / 64;

    private static void Flip(ulong[] bits, int i) => bits[i >> 6] ^= 1UL << (i & 63);

    private static bool Get(ulong[] bits, int i) => (bits[i >> 6] >> (i & 63) & 1) == 1;

    private static void Xor(ulong[] target, ulong[] source)
    {
        for (var w = 0; w < target.Length; w++)
        {
            target[w] ^= source[w];
        }
    }
}
