using System.Collections.Concurrent;
using Google.OrTools.Graph;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// Prices every arc of a coupled component at once, from its linear relaxation and one min-cost flow. The rows that
/// form a network are kept (each item takes one arc at most; a bin's room, where it counts unit columns); every other
/// row (sibling groups kept together or split, loads, exclusive homes) is priced with the relaxation's multipliers.
/// What is left is a min-cost flow, and its residual graph gives, for every arc, the best value of that Lagrangian
/// function over the plans that use the arc: a proved upper bound on the best plan with that carer forced. The
/// cycle that attains it yields a plan; when that plan keeps every rule and is worth the bound, the price is exact,
/// without a solve. Multipliers are rounded to multiples of 2⁻¹⁶ and every sum is exact integer arithmetic.
/// </summary>
internal sealed class LagrangianPricer
{
    private const long Scale = 1L << 16;

    /// <summary>The preference given to each column of the optimal plan, scaled (1/1024 milli-point).</summary>
    private const long Favoured = Scale >> 10;
    private const int Source = 0;
    private const int Sink = 1;

    private readonly AssignmentModel model;
    private readonly ResidualPaths paths;
    private readonly int[] itemNode;
    private readonly int[][] arcsOfItem;
    private readonly int[] columnHead;
    private readonly long[] columnGain;
    private readonly bool[] columnOn;
    private readonly int[] edgeTo;
    private readonly int[] edgeColumn;
    private readonly int[] edgeDelta;
    private readonly int[] basePlan;
    private readonly Int128 baseValue;
    private readonly HashSet<int> excluded;
    private readonly ConcurrentDictionary<int, Dictionary<int, (long Ceiling, int[]? Plan)>> byItem = new();

    private LagrangianPricer(AssignmentModel model, ResidualPaths paths, int[] itemNode, int[] columnHead, long[] columnGain, bool[] columnOn,
        int[] edgeTo, int[] edgeColumn, int[] edgeDelta, int[] basePlan, Int128 baseValue, HashSet<int> excluded)
    {
        this.excluded = excluded;
        this.model = model;
        this.paths = paths;
        this.itemNode = itemNode;
        arcsOfItem = ModelIndex.Group(model.ArcItem, model.ItemCount, model.ArcCount);
        this.columnHead = columnHead;
        this.columnGain = columnGain;
        this.columnOn = columnOn;
        this.edgeTo = edgeTo;
        this.edgeColumn = edgeColumn;
        this.edgeDelta = edgeDelta;
        this.basePlan = basePlan;
        this.baseValue = baseValue;
    }

    /// <summary>The pricer, or null when the structure or the numbers do not allow it (then callers re-solve).</summary>
    /// <param name="m">The component.</param>
    /// <param name="f">Its formulation.</param>
    /// <param name="relaxation">The formulation's relaxation (its multipliers price the rows not kept).</param>
    /// <param name="plan">The optimal plan: among plans of equal Lagrangian value the flow keeps this one.</param>
    /// <param name="excludedArcs">Arcs the relaxation held at 0: left out of the flow too, so every bound covers only
    /// plans without them, as the multipliers do; they are not priced.</param>
    /// <param name="heldArcs">Arcs held at 1 besides the formulation's pins (a region of a branching): taken out with
    /// their room like pins, so every bound covers only plans with them.</param>
    public static LagrangianPricer? Create(AssignmentModel m, MipFormulation f, LinearRelaxation relaxation, int[] plan, IReadOnlyCollection<int>? excludedArcs = null, IReadOnlyCollection<int>? heldArcs = null)
    {
        if (m.AssignAll)
        {
            return null;
        }

        // Nodes: source, sink, one per item row, one per kept bin row. A column may sit in one kept row per side.
        var left = new int[f.VarCount];
        var right = new int[f.VarCount];
        Array.Fill(left, -1);
        Array.Fill(right, -1);
        var kept = new bool[f.Rows.Count];
        var capacity = new List<long> { 0, 0 };
        var itemNode = new int[m.ItemCount];
        var items = 0;
        for (var r = 0; r < f.Rows.Count; r++)
        {
            var row = f.Rows[r];
            var unit = row.Coefs.All(c => c == 1) && double.IsNegativeInfinity(row.Lower) || row is { Kind: MipFormulation.RowKind.Item, Lower: 0 };
            if (!unit || row.Kind is not (MipFormulation.RowKind.Item or MipFormulation.RowKind.BinRoom))
            {
                continue;
            }

            var side = row.Kind == MipFormulation.RowKind.Item ? left : right;
            if (row.Vars.Any(v => side[v] >= 0))
            {
                continue; // a column already in a kept row of this side: this row is priced instead
            }

            kept[r] = true;
            var node = capacity.Count;
            capacity.Add((long)row.Upper);
            foreach (var v in row.Vars)
            {
                side[v] = node;
            }

            if (row.Kind == MipFormulation.RowKind.Item)
            {
                itemNode[items++] = node;
            }
        }

        if (items != m.ItemCount)
        {
            return null;
        }

        // Every other row is priced: gains d'_j = c_j - Σ y_r a_rj, and a constant Σ y_r × (the side y_r pushes against).
        // A row that one kept row already implies is not: any multiplier gives a bound, and the relaxation may have
        // split its dual between the two at will, which would make leaving that row's columns look free.
        var gain = f.Objective.Select(c => checked((long)c * Scale)).ToArray();
        Int128 constant = 0;
        for (var r = 0; r < f.Rows.Count; r++)
        {
            var row = f.Rows[r];
            // Rows added after the relaxation was solved (cuts learnt later) have no multiplier: 0 is one.
            var y = r < relaxation.Multipliers.Length ? (long)Math.Round(relaxation.Multipliers[r] * Scale) : 0;
            var sideBound = y > 0 ? row.Upper : row.Lower;
            if (kept[r] || y == 0 || double.IsInfinity(sideBound) || (y > 0 && ImpliedByKept(f, row, left, right, capacity)))
            {
                continue;
            }

            constant += (Int128)y * (long)sideBound;
            for (var k = 0; k < row.Vars.Length; k++)
            {
                gain[row.Vars[k]] = checked(gain[row.Vars[k]] - (y * (long)row.Coefs[k]));
            }
        }

        // Among plans of equal value the flow should keep the optimal plan, so that the cycles it prices change only
        // what forcing an arc changes: its columns (and those the relaxation sets) gain a little, at most
        // Favoured x columns x 1/1024 milli-point in all, which only raises the bounds (they stay proved).
        foreach (var v in Enumerable.Range(0, f.VarCount).Where(v => relaxation.Values[v] > 0.5 || (v < m.ArcCount && plan[m.ArcItem[v]] == v)))
        {
            gain[v] = checked(gain[v] + Favoured);
        }

        // Columns held at 1 (pins) are taken out with their room; columns in no kept row go to their best bound.
        var excluded = new HashSet<int>(excludedArcs ?? []);
        var held = new HashSet<int>(heldArcs ?? []);
        var head = new int[f.VarCount];
        var tail = new int[f.VarCount];
        for (var v = 0; v < f.VarCount; v++)
        {
            tail[v] = left[v] >= 0 ? left[v] : right[v] >= 0 ? Source : -1;
            head[v] = right[v] >= 0 ? right[v] : left[v] >= 0 ? Sink : -1;
            if (excluded.Contains(v))
            {
                tail[v] = -1;
            }
            else if (f.Lower[v] > 0 || held.Contains(v))
            {
                constant += gain[v];
                if (left[v] >= 0)
                {
                    capacity[left[v]]--;
                }

                if (right[v] >= 0)
                {
                    capacity[right[v]]--;
                }

                tail[v] = -1;
            }
            else if (tail[v] < 0)
            {
                constant += Math.Max(0, gain[v]);
            }
        }

        if (capacity.Any(c => c < 0))
        {
            return null;
        }

        return Solve(m, f, itemNode, capacity, tail, head, gain, constant, excluded, held);
    }

    /// <summary>
    /// Whether a row Σ a x ≤ u with positive coefficients holds whenever the one kept row all its columns share does
    /// (Σ x ≤ U over 0-1 columns): the U largest coefficients sum to u at most.
    /// </summary>
    private static bool ImpliedByKept(MipFormulation f, MipFormulation.Row row, int[] left, int[] right, List<long> capacity)
    {
        if (!double.IsNegativeInfinity(row.Lower) || row.Vars.Length == 0 || row.Coefs.Any(c => c <= 0)
            || row.Vars.Any(v => f.Lower[v] != 0 || f.Upper[v] > 1))
        {
            return false;
        }

        foreach (var side in (int[][])[left, right])
        {
            var node = side[row.Vars[0]];
            if (node >= 0 && row.Vars.All(v => side[v] == node))
            {
                var most = row.Coefs.OrderDescending().Take((int)Math.Min(capacity[node], row.Coefs.Length)).Sum();
                if (most <= row.Upper + 1e-9)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static LagrangianPricer? Solve(AssignmentModel m, MipFormulation f, int[] itemNode, List<long> capacity, int[] tail, int[] head, long[] gain, Int128 constant, HashSet<int> excluded, HashSet<int> held)
    {
        // A min-cost circulation: source to each row node, columns between them, row nodes to sink, sink back to source.
        var nodes = capacity.Count;
        var flow = new MinCostFlow();
        var arcs = new List<(int From, int To, long Cap, long Cost, int Column)>();
        void Add(int u, int v, long cap, long cost, int column)
        {
            flow.AddArcWithCapacityAndUnitCost(u, v, cap, cost);
            arcs.Add((u, v, cap, cost, column));
        }

        long total = 0;
        var isItemNode = new bool[nodes];
        foreach (var node in itemNode)
        {
            isItemNode[node] = true;
        }

        for (var node = 2; node < nodes; node++)
        {
            var isItem = isItemNode[node];
            if (capacity[node] > 0)
            {
                Add(isItem ? Source : node, isItem ? node : Sink, capacity[node], 0, -1);
                total += capacity[node];
            }
        }

        for (var v = 0; v < f.VarCount; v++)
        {
            if (tail[v] >= 0)
            {
                Add(tail[v], head[v], 1, -gain[v], v);
                total++;
            }
        }

        Add(Sink, Source, total, 0, -1);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            return null;
        }

        // The residual graph: unused room forward at its cost, used room backward at minus its cost.
        var from = new List<int>();
        var to = new List<int>();
        var length = new List<long>();
        var edgeColumn = new List<int>();
        var edgeDelta = new List<int>();
        var on = new bool[f.VarCount];
        for (var e = 0; e < arcs.Count; e++)
        {
            var (u, v, cap, cost, column) = arcs[e];
            var used = flow.Flow(e);
            if (column >= 0 && used > 0)
            {
                on[column] = true;
            }

            if (used < cap)
            {
                from.Add(u);
                to.Add(v);
                length.Add(cost);
                edgeColumn.Add(column);
                edgeDelta.Add(1);
            }

            if (used > 0)
            {
                from.Add(v);
                to.Add(u);
                length.Add(-cost);
                edgeColumn.Add(column);
                edgeDelta.Add(-1);
            }
        }

        if (ResidualPaths.Create(nodes, from, to, length) is not { } paths)
        {
            return null;
        }

        foreach (var v in held)
        {
            on[v] = true; // in every plan the flow prices, as the flow's own columns are
        }

        var plan = Enumerable.Repeat(-1, m.ItemCount).ToArray();
        for (var a = 0; a < m.ArcCount; a++)
        {
            if (on[a] || m.ItemForcedArc[m.ArcItem[a]] == a)
            {
                plan[m.ArcItem[a]] = a;
            }
        }

        return new LagrangianPricer(m, paths, itemNode, head, gain, on, [.. to], [.. edgeColumn], [.. edgeDelta], plan, constant - flow.OptimalCost(), excluded);
    }

    /// <summary>The proved ceiling on the worth of any plan (whole weighted units).</summary>
    public long Ceiling => Floor(baseValue);

    /// <summary>
    /// For one arc: the proved ceiling on the worth of every plan that uses it (long.MinValue when none can; long.MaxValue,
    /// no bound, for an excluded arc), and the plan of the cycle that attains it (which may break a priced rule; the
    /// caller checks it).
    /// </summary>
    public (long Ceiling, int[]? Plan) Price(int item, int arc) => byItem.GetOrAdd(item, PriceItem)[arc];

    private Dictionary<int, (long Ceiling, int[]? Plan)> PriceItem(int item)
    {
        var node = itemNode[item];
        var (distance, next) = paths.DistancesTo(node);
        var result = new Dictionary<int, (long, int[]?)>();
        foreach (var a in arcsOfItem[item])
        {
            if (excluded.Contains(a))
            {
                result[a] = (long.MaxValue, null); // not priced: no bound from this flow
                continue;
            }

            if (columnOn[a] || model.ItemForcedArc[item] == a)
            {
                result[a] = (Floor(baseValue), basePlan);
                continue;
            }

            if (model.ItemForcedArc[item] >= 0 || distance[columnHead[a]] >= ResidualPaths.Infinity)
            {
                result[a] = (long.MinValue, null);
                continue;
            }

            // The cycle: this arc, then the shortest way back from its head to the item.
            var value = baseValue + columnGain[a] - distance[columnHead[a]];
            var changes = new List<(int Column, int Delta)> { (a, 1) };
            for (var v = columnHead[a]; v != node; v = edgeTo[next[v]])
            {
                if (edgeColumn[next[v]] >= 0)
                {
                    changes.Add((edgeColumn[next[v]], edgeDelta[next[v]]));
                }
            }

            var plan = (int[])basePlan.Clone();
            foreach (var (column, _) in changes.Where(c => c.Delta < 0 && c.Column < model.ArcCount))
            {
                if (plan[model.ArcItem[column]] == column)
                {
                    plan[model.ArcItem[column]] = -1;
                }
            }

            foreach (var (column, _) in changes.Where(c => c.Delta > 0 && c.Column < model.ArcCount))
            {
                plan[model.ArcItem[column]] = column;
            }

            result[a] = (Floor(value), plan);
        }

        return result;
    }

    private static long Floor(Int128 scaled) => (long)Int128.DivRem(scaled - (scaled < 0 ? Scale - 1 : 0), Scale).Quotient;
}
