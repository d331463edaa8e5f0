using Google.OrTools.LinearSolver;

namespace Matching.Solving;

/// <summary>
/// The mixed-integer formulation of one <see cref="AssignmentModel"/>, held in managed arrays so that the same
/// rows feed SCIP (binary variables) and GLOP (its linear relaxation), and so that a bound can be recomputed from
/// the relaxation's duals in exact terms of the model. Variables 0..ArcCount-1 are the arcs; the rest are
/// auxiliaries (family presence at a bin, the subsets of a family placed together at a bin, split indicators).
/// The objective is one weighted sum: each child placed is worth <see cref="ChildWeight"/>, more than the widest
/// possible difference in score between two plans, so the most children come first, then the best score.
/// </summary>
internal sealed class MipFormulation
{
    /// <summary>Families with at most this many items at one bin get a variable per subset placed together there.</summary>
    private const int SubsetItemsMax = 4;

    // The variables are fixed once built: copies with more rows share these lists (never changed after Build).
    private List<double> lower = [];
    private List<double> upper = [];
    private List<double> objective = [];
    private readonly List<Row> rows = [];

    /// <summary>Per arc of a family with a variable per subset at its bin, the subsets that hold it.</summary>
    private Dictionary<int, int[]> subsetsOfArc = [];

    /// <summary>Per arc whose bin is known to take its whole family or not: the variable that is 1 when it does, or -1 when it cannot.</summary>
    private Dictionary<int, int> wholeAt = [];

    /// <summary>Per family whose splitting costs, its presence at each bin (the parts) and its "placed anywhere" variable.</summary>
    private readonly Dictionary<int, (int[] Parts, int Any)> splits = [];

    /// <summary>Per bin, the ways a family can be there (see <see cref="BinOption"/>), for <see cref="ConflictCuts"/>.</summary>
    private Dictionary<int, List<BinOption>> optionsAtBin = [];

    /// <summary>Per family, the subset variables holding more than half its items (see <see cref="Subsets"/>).</summary>
    private readonly Dictionary<int, List<int>> majorities = [];
    private int[][]? rowsOfVar;

    private MipFormulation()
    {
    }

    /// <summary>
    /// What a row says: an item takes one arc at most; a bin's room (its families, or its load); a zero-half cut (see
    /// <see cref="HalfCuts"/>, which does not sum its own cuts again: their sums grow dense and gain little); anything else.
    /// </summary>
    internal enum RowKind
    {
        Other,
        Item,
        BinRoom,
        HalfCut,
    }

    /// <summary>
    /// A variable that is 1 when a family is at a bin in a given way: one of its arcs, or a subset of its items placed
    /// together (options of one family at a bin exclude each other), or its presence there (<paramref name="Presence"/>,
    /// with the least load it can bring). Two families at one bin must fit its shared room, and an exclusive option
    /// shares with no one.
    /// </summary>
    internal readonly record struct BinOption(int Var, int Family, long Load, bool Exclusive, bool Presence);

    /// <summary>One linear row: lower ≤ Σ coefficient × variable ≤ upper.</summary>
    internal sealed record Row(double Lower, double Upper, int[] Vars, double[] Coefs, RowKind Kind);

    public int VarCount => objective.Count;

    public IReadOnlyList<Row> Rows => rows;

    public IReadOnlyList<double> Lower => lower;

    /// <summary>Per bin, the ways a family can be there (empty lists are left out).</summary>
    public IReadOnlyDictionary<int, List<BinOption>> OptionsAtBin => optionsAtBin;

    /// <summary>Variables 0..ArcCount-1 are the model's arcs.</summary>
    public int ArcCount { get; private set; }

    public IReadOnlyList<double> Upper => upper;

    /// <summary>Weighted objective coefficient of each variable (maximised).</summary>
    public IReadOnlyList<double> Objective => objective;

    /// <summary>The worth of one child placed, in milli-points; 0 when every item must be placed.</summary>
    public long ChildWeight { get; private set; }

    /// <summary>More than the widest difference in score between two plans.</summary>
    public long Spread { get; private set; }

    public static MipFormulation Build(AssignmentModel m)
    {
        var f = new MipFormulation { ArcCount = m.ArcCount };
        for (var a = 0; a < m.ArcCount; a++)
        {
            f.NewVar(0, 0);
        }

        var index = new ModelIndex(m);
        for (var i = 0; i < m.ItemCount; i++)
        {
            f.AddRow(m.AssignAll ? 1 : 0, 1, index.ArcsOfItem[i].Select(a => (a, 1.0)), RowKind.Item);
            if (m.ItemForcedArc[i] >= 0)
            {
                f.lower[m.ItemForcedArc[i]] = 1;
            }
        }

        var presence = f.Presence(m, index);
        f.MajorityRows();
        f.BinRows(m, index, presence);
        var penalties = f.SplitTerms(m, index, presence);
        f.SetObjective(m, penalties);
        return f;
    }

    /// <summary>Creates the variables and rows in an OR-Tools solver: binaries for SCIP, continuous for an LP.</summary>
    public (Variable[] Vars, Constraint[] Rows) Load(Solver solver, bool integer)
    {
        var (vars, rows) = Load(solver, integer, null, lower);
        return ([.. vars.Select(v => v!)], [.. rows.Select(r => r!)]);
    }

    /// <summary>
    /// Creates only the active variables (the others are held at 0) with the given lower bounds, and every row
    /// that has an active variable; a row without one is null (its multiplier is 0).
    /// </summary>
    public (Variable?[] Vars, Constraint?[] Rows) Load(Solver solver, bool integer, bool[]? active, IReadOnlyList<double> lowerBounds)
    {
        var vars = new Variable?[VarCount];
        for (var v = 0; v < VarCount; v++)
        {
            if (active is null || active[v])
            {
                vars[v] = solver.MakeVar(lowerBounds[v], upper[v], integer, string.Empty);
            }
        }

        var constraints = new Constraint?[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            Constraint? c = null;
            for (var k = 0; k < row.Vars.Length; k++)
            {
                if (vars[row.Vars[k]] is { } v)
                {
                    c ??= solver.MakeConstraint(row.Lower, row.Upper);
                    c.SetCoefficient(v, row.Coefs[k]);
                }
            }

            // Loading everything keeps empty rows too: an item that must be placed and cannot be is infeasible.
            constraints[r] = c ?? (active is null ? solver.MakeConstraint(row.Lower, row.Upper) : null);
        }

        var obj = solver.Objective();
        obj.SetMaximization();
        for (var v = 0; v < VarCount; v++)
        {
            if (objective[v] != 0 && vars[v] is { } variable)
            {
                obj.SetCoefficient(variable, objective[v]);
            }
        }

        return (vars, constraints);
    }

    /// <summary>
    /// The same formulation with a family's plans restricted to one case: split over two homes or more, at one home
    /// (or none), or with one child or more not placed; null when splitting the family costs nothing (it has no
    /// such variables). Every plan is in one case or another, so the largest of their bounds is a bound.
    /// </summary>
    public MipFormulation? WithFamily(int family, FamilyCase kind, AssignmentModel m) =>
        FamilyRow(family, kind, m) is { } row ? WithRows([row]) : null;

    /// <summary>The row that restricts a family's plans to one case (see <see cref="WithFamily"/>); null as there.</summary>
    public Row? FamilyRow(int family, FamilyCase kind, AssignmentModel m)
    {
        if (!splits.TryGetValue(family, out var vars))
        {
            return null;
        }

        // Split: at least one home more than "placed anywhere" counts; together: present at one home at most;
        // short: one of its children or more not placed.
        var parts = vars.Parts.Select(p => (p, 1.0));
        var items = Enumerable.Range(0, m.ItemCount).Where(i => m.ItemFamily[i] == family).ToHashSet();
        var placed = Enumerable.Range(0, ArcCount).Where(a => items.Contains(m.ArcItem[a])).Select(a => (a, 1.0));
        var terms = (kind switch
        {
            FamilyCase.Split => parts.Append((vars.Any, -1.0)),
            FamilyCase.Together => parts,
            _ => placed,
        }).ToArray();
        var (lo, up) = kind switch
        {
            FamilyCase.Split => (1.0, double.PositiveInfinity),
            FamilyCase.Together => (double.NegativeInfinity, 1.0),
            _ => (double.NegativeInfinity, items.Count - 1.0),
        };
        return new Row(lo, up, [.. terms.Select(t => t.Item1)], [.. terms.Select(t => t.Item2)], RowKind.Other);
    }

    /// <summary>The same formulation with row r left free (no bounds): a case row that has served its relaxation.</summary>
    public MipFormulation WithRowFreed(int r)
    {
        var copy = Copy();
        copy.rows[r] = rows[r] with { Lower = double.NegativeInfinity, Upper = double.PositiveInfinity };
        return copy;
    }

    /// <summary>
    /// The same formulation with more rows, each valid for every plan (cuts: they only take away fractional points).
    /// The rows of <see cref="WithFamily"/> copies made later keep them.
    /// </summary>
    public MipFormulation WithRows(IEnumerable<Row> cuts)
    {
        var copy = Copy();
        copy.rows.AddRange(cuts);
        return copy;
    }

    private MipFormulation Copy()
    {
        var copy = new MipFormulation { ArcCount = ArcCount, ChildWeight = ChildWeight, Spread = Spread };
        (copy.lower, copy.upper, copy.objective) = (lower, upper, objective);
        copy.rows.AddRange(rows);
        foreach (var (key, value) in splits)
        {
            copy.splits[key] = value;
        }

        foreach (var (key, value) in majorities)
        {
            copy.majorities[key] = value;
        }

        copy.subsetsOfArc = subsetsOfArc;
        copy.wholeAt = wholeAt;
        copy.optionsAtBin = optionsAtBin;
        return copy;
    }

    /// <summary>The cases of a sibling group's plan: split over two homes or more, at one home, or not all placed.</summary>
    internal enum FamilyCase
    {
        Split,
        Together,
        Short,
    }

    /// <summary>
    /// The subset variables that hold an arc (one of them is 1 exactly when the arc is), or none where the arc's bin
    /// has no subset variables. A relaxation's reduced cost on such an arc says little (the row tying it to its
    /// subsets is an equality, whose multiplier can absorb it); on its subsets it says what placing it costs.
    /// </summary>
    public int[] SubsetsOf(int arc) => subsetsOfArc.GetValueOrDefault(arc, []);

    /// <summary>
    /// For an arc of a family: the variable that is 1 exactly when the whole family is at the arc's bin (the subset of
    /// all its items; the arc itself for a family of one), -1 when the bin cannot take the whole family, or null when
    /// the formulation does not say (families of more than four children at one home).
    /// </summary>
    public int? WholeFamilyAt(int arc) => wholeAt.TryGetValue(arc, out var v) ? v : null;

    /// <summary>The rows each variable appears in (computed once; column generation asks for it on every pricing call).</summary>
    public int[][] RowsOfVar() => LazyInitializer.EnsureInitialized(ref rowsOfVar, ComputeRowsOfVar);

    private int[][] ComputeRowsOfVar()
    {
        var lists = Enumerable.Range(0, VarCount).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var v in rows[r].Vars)
            {
                lists[v].Add(r);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }

    private int NewVar(double lo, double objectiveCoef)
    {
        lower.Add(lo);
        upper.Add(1);
        objective.Add(objectiveCoef);
        return objective.Count - 1;
    }

    private void AddRow(double lo, double up, IEnumerable<(int Var, double Coef)> terms, RowKind kind = RowKind.Other)
    {
        var list = terms.ToArray();
        rows.Add(new Row(lo, up, [.. list.Select(t => t.Var)], [.. list.Select(t => t.Coef)], kind));
    }

    /// <summary>
    /// Presence of a family at a bin, as a sum of variables: its arc when it has one item there; the sum of its arcs
    /// when the bin has room for one of them only (so the relaxation keeps the bin's room rows a network, which the
    /// shortlist pricing relies on); else a variable tied to its arcs.
    /// </summary>
    private Dictionary<(int Family, int Bin), int[]> Presence(AssignmentModel m, ModelIndex index)
    {
        var presence = new Dictionary<(int Family, int Bin), int[]>();
        foreach (var (key, arcs) in index.FamilyArcsAtBin)
        {
            var room = FamilyRoom(m, key.Bin);
            if (arcs.Sum(a => (long)m.ArcLoad[a]) > m.BinFamilyLoadCap[key.Bin])
            {
                AddRow(double.NegativeInfinity, m.BinFamilyLoadCap[key.Bin], arcs.Select(a => (a, (double)m.ArcLoad[a])));
            }

            if (arcs.Length == 1 || arcs.All(a => m.ArcLoad[a] >= 1 && 2L * m.ArcLoad[a] > room))
            {
                // At most one of these arcs fits (the family and capacity rows say so): presence is their sum.
                presence[key] = arcs;
                foreach (var a in arcs)
                {
                    wholeAt[a] = index.ItemsOfFamily[key.Family].Length == 1 ? a : -1;
                    Option(key.Bin, new BinOption(a, key.Family, m.ArcLoad[a], m.ArcExclusive[a], Presence: false));
                }

                if (arcs.Length > 1)
                {
                    AddRow(double.NegativeInfinity, 1, arcs.Select(a => (a, 1.0)));
                }

                continue;
            }

            var p = NewVar(0, 0);
            presence[key] = [p];
            if (arcs.Sum(a => (long)m.ArcLoad[a]) > room)
            {
                // What the family brings fits the room only where it is present: without p, a group of five spread as
                // 0.4 of itself over a two-place home and 0.6 over a three-place one is never split.
                AddRow(double.NegativeInfinity, 0, arcs.Select(a => (a, (double)m.ArcLoad[a])).Append((p, -(double)room)));
            }

            Option(key.Bin, new BinOption(p, key.Family, arcs.Min(a => (long)m.ArcLoad[a]), arcs.All(a => m.ArcExclusive[a]), Presence: true));
            AddRow(double.NegativeInfinity, 0, arcs.Select(a => (a, -1.0)).Append((p, 1.0)));
            foreach (var a in arcs)
            {
                AddRow(double.NegativeInfinity, 0, [(a, 1.0), (p, -1.0)]);
            }

            if (arcs.Length <= SubsetItemsMax)
            {
                Subsets(m, arcs, p, room, index.ItemsOfFamily[key.Family].Length);
            }
        }

        return presence;
    }

    private void Option(int bin, BinOption option)
    {
        if (!optionsAtBin.TryGetValue(bin, out var list))
        {
            optionsAtBin[bin] = list = [];
        }

        list.Add(option);
    }

    /// <summary>
    /// The strengthening that makes the relaxation of sibling groups that may split nearly integral: one variable per
    /// subset of the family's items that fits the bin, the arcs and the presence being sums of them. Without it the
    /// relaxation spreads a group in halves over two-place homes and never pays the split penalty.
    /// </summary>
    private void Subsets(AssignmentModel m, int[] arcs, int presence, int room, int familyItems)
    {
        var subsets = new List<(int Var, int Mask)>();
        var family = m.ItemFamily[m.ArcItem[arcs[0]]];
        var whole = -1;
        for (var mask = 1; mask < 1 << arcs.Length; mask++)
        {
            long load = 0;
            for (var k = 0; k < arcs.Length; k++)
            {
                load += (mask >> k & 1) == 1 ? m.ArcLoad[arcs[k]] : 0;
            }

            if (load <= room)
            {
                var v = NewVar(0, 0);
                subsets.Add((v, mask));
                var exclusive = Enumerable.Range(0, arcs.Length).Any(k => (mask >> k & 1) == 1 && m.ArcExclusive[arcs[k]]);
                Option(m.ArcBin[arcs[0]], new BinOption(v, family, load, exclusive, Presence: false));
                if (mask == (1 << arcs.Length) - 1 && arcs.Length == familyItems)
                {
                    whole = v;
                }

                if (2 * System.Numerics.BitOperations.PopCount((uint)mask) > familyItems)
                {
                    if (!majorities.TryGetValue(family, out var list))
                    {
                        majorities[family] = list = [];
                    }

                    list.Add(v);
                }
            }
        }

        AddRow(0, 0, subsets.Select(s => (s.Var, -1.0)).Append((presence, 1.0)));
        for (var k = 0; k < arcs.Length; k++)
        {
            var bit = k;
            int[] holding = [.. subsets.Where(s => (s.Mask >> bit & 1) == 1).Select(s => s.Var)];
            subsetsOfArc[arcs[k]] = holding;
            wholeAt[arcs[k]] = whole;
            AddRow(0, 0, holding.Select(v => (v, -1.0)).Append((arcs[k], 1.0)));
        }
    }

    /// <summary>
    /// Per family, at most one subset holding more than half its items is placed, over all bins: any two such subsets
    /// share an item, which is at one bin only, and a bin takes one subset of a family. Without this row the
    /// relaxation places a group of three as half of two different pairs at a two-place home and half of the third
    /// pair at another, paying half a split; with it, that point is cut off and splits cost what they cost.
    /// </summary>
    private void MajorityRows()
    {
        foreach (var (_, vars) in majorities.OrderBy(kv => kv.Key))
        {
            if (vars.Count > 1)
            {
                AddRow(double.NegativeInfinity, 1, vars.Select(v => (v, 1.0)));
            }
        }
    }

    private void BinRows(AssignmentModel m, ModelIndex index, Dictionary<(int Family, int Bin), int[]> presence)
    {
        for (var b = 0; b < m.BinCount; b++)
        {
            var arcs = index.ArcsOfBin[b];
            if (arcs.Length == 0)
            {
                continue;
            }

            var families = index.FamiliesAtBin[b];
            var present = families.SelectMany(f => presence[(f, b)]).ToArray();
            var exclusive = arcs.Where(a => m.ArcExclusive[a]).ToArray();
            var totalLoad = arcs.Sum(a => (long)m.ArcLoad[a]);
            if (exclusive.Length == arcs.Length)
            {
                AddRow(double.NegativeInfinity, 1, present.Select(p => (p, 1.0)), RowKind.BinRoom);
                if (families.Length == arcs.Length)
                {
                    continue;
                }
            }

            if (totalLoad > m.BinCapacity[b])
            {
                AddRow(double.NegativeInfinity, m.BinCapacity[b], arcs.Select(a => (a, (double)m.ArcLoad[a])), RowKind.BinRoom);
            }

            if (families.Length < 2 || exclusive.Length == arcs.Length)
            {
                continue;
            }

            // No more families fit at once than the bin has places (each brings one child or more), which keeps the
            // big-M coefficients below small: the relaxation cannot spread a large group over the bin almost for free.
            var most = Math.Min(families.Length, m.BinCapacity[b] + arcs.Where(a => m.ArcLoad[a] <= 0).Select(a => m.ItemFamily[m.ArcItem[a]]).Distinct().Count());
            if (m.BinMixedCapacity[b] < m.BinCapacity[b] && totalLoad > m.BinMixedCapacity[b])
            {
                // mixed = 1 when two or more families are present; then the load must fit the mixed capacity.
                var mixed = NewVar(0, 0);
                AddRow(double.NegativeInfinity, 1, present.Select(p => (p, 1.0)).Append((mixed, -Math.Max(1, most - 1.0))));
                AddRow(double.NegativeInfinity, m.BinCapacity[b], arcs.Select(a => (a, (double)m.ArcLoad[a])).Append((mixed, m.BinCapacity[b] - (double)m.BinMixedCapacity[b])));
                AloneRoomRow(m, index, b, arcs, families);
            }

            foreach (var a in exclusive)
            {
                // Using an exclusive arc leaves no room for another family at the bin.
                var others = Math.Min(families.Length - 1, most);
                AddRow(double.NegativeInfinity, others, families
                    .Where(f => f != m.ItemFamily[m.ArcItem[a]])
                    .SelectMany(f => presence[(f, b)].Select(p => (p, 1.0)))
                    .Append((a, (double)others)));
            }
        }
    }

    /// <summary>
    /// The load past the mixed capacity comes only with a family alone at the bin: Σ load − Σ (L − mixed)⁺ × way ≤ mixed,
    /// over the ways a family can be there (an arc or a subset of its items placed together, of load L; its presence,
    /// with the most it can bring, where it has neither). Alone, a family's load less its excess is at most the mixed
    /// capacity; with others, the load is. The mixed-capacity pair of rows above lets a pair at a four-place home with
    /// room for three when shared sit beside three other children at a half each; this row does not, and on
    /// generated fostering weeks it takes most of the relaxation's gap away.
    /// </summary>
    private void AloneRoomRow(AssignmentModel m, ModelIndex index, int b, int[] arcs, int[] families)
    {
        var mixed = (long)m.BinMixedCapacity[b];
        var coefs = new SortedDictionary<int, double>();
        foreach (var a in arcs)
        {
            coefs[a] = m.ArcLoad[a];
        }

        var options = optionsAtBin.GetValueOrDefault(b, []);
        foreach (var family in families)
        {
            var ways = options.Where(o => o.Family == family && !o.Presence).ToArray();
            if (ways.Length == 0)
            {
                // Presence only (a family of more than four children at the bin): its most is what its arcs bring, within the room.
                var most = Math.Min(FamilyRoom(m, b), index.ArcsOfFamilyAt(family, b).Sum(a => (long)m.ArcLoad[a]));
                ways = [.. options.Where(o => o.Family == family && o.Presence).Select(o => o with { Load = most })];
            }

            foreach (var way in ways.Where(w => w.Load > mixed))
            {
                coefs[way.Var] = coefs.GetValueOrDefault(way.Var) - (way.Load - mixed);
            }
        }

        AddRow(double.NegativeInfinity, mixed, coefs.Where(kv => kv.Value != 0).Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>Score terms beyond the arcs: split penalties of families spread over several bins.</summary>
    private List<(int Var, long Coef)> SplitTerms(AssignmentModel m, ModelIndex index, Dictionary<(int Family, int Bin), int[]> presence)
    {
        var terms = new List<(int Var, long Coef)>();
        for (var g = 0; g < m.FamilyCount; g++)
        {
            if (index.ItemsOfFamily[g].Length < 2 || (m.FamilySplitPenalty[g] == 0 && m.FamilyFarPenalty[g] == 0))
            {
                continue;
            }

            var bins = index.BinsOfFamily[g];
            var parts = bins.SelectMany(b => presence[(g, b)]).ToArray();
            if (bins.Length < 2)
            {
                continue;
            }

            var any = NewVar(0, 0);
            splits[g] = (parts, any);
            AddRow(double.NegativeInfinity, 0, parts.Select(p => (p, -1.0)).Append((any, 1.0)));
            terms.AddRange(parts.Select(p => (p, -m.FamilySplitPenalty[g])));
            terms.Add((any, m.FamilySplitPenalty[g]));

            // Short: may be 1 only when one of its children or more is not placed (at most the children not placed).
            var items = index.ItemsOfFamily[g];
            var shortOf = NewVar(0, 0);
            AddRow(double.NegativeInfinity, items.Length, items.SelectMany(i => index.ArcsOfItem[i]).Select(a => (a, 1.0)).Append((shortOf, 1.0)));

            // Every child placed: the family is whole at one bin, or present at two or more. Without this row a group
            // of five at a four-place home and a third of itself at another pays a third of a split.
            var whole = bins.ToDictionary(b => b, b => WholeAtBin(m, index, g, b));
            AddRow(2, double.PositiveInfinity, parts.Select(p => (p, 1.0))
                .Concat(whole.Values.Where(v => v >= 0).Select(v => (v, 1.0)))
                .Append((shortOf, 2.0)));

            var farArcs = items.SelectMany(i => index.ArcsOfItem[i]).Where(a => m.ArcFar[a]).Order().ToArray();
            if (m.FamilyFarPenalty[g] > 0 && farArcs.Length > 0)
            {
                // A family is present at no more bins than it has children: the big-M is that, not the bins it could use.
                var split = NewVar(0, 0);
                var most = Math.Min(bins.Length, items.Length);
                AddRow(double.NegativeInfinity, 1, parts.Select(p => (p, 1.0)).Append((split, -(most - 1.0))));
                foreach (var a in farArcs)
                {
                    var y = NewVar(0, 0);
                    AddRow(double.NegativeInfinity, 1, [(a, 1.0), (split, 1.0), (y, -1.0)]);

                    // The big-M row above lets a group of four spread at a third over three two-place homes, split,
                    // pay a third of each far penalty. This one does not: a far arc used without the whole family at
                    // its bin and with every child placed means the family is split (y ≥ x − whole − short).
                    var w = whole[m.ArcBin[a]];
                    AddRow(0, double.PositiveInfinity, w < 0 ? [(y, 1.0), (a, -1.0), (shortOf, 1.0)] : [(y, 1.0), (a, -1.0), (w, 1.0), (shortOf, 1.0)]);
                    terms.Add((y, -m.FamilyFarPenalty[g]));
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// The variable that is 1 when the whole family is at the bin, or -1 when the bin cannot take it (a child has no
    /// arc there, or the family's load passes its room). Where the formulation has none (more than four children at
    /// the bin), a new one, at most the share of the family there: n × whole ≤ Σ its arcs at the bin.
    /// </summary>
    private int WholeAtBin(AssignmentModel m, ModelIndex index, int family, int bin)
    {
        var arcs = index.ArcsOfFamilyAt(family, bin);
        if (wholeAt.TryGetValue(arcs[0], out var known))
        {
            return known;
        }

        var items = index.ItemsOfFamily[family].Length;
        if (arcs.Select(a => m.ArcItem[a]).Distinct().Count() < items || arcs.Sum(a => (long)m.ArcLoad[a]) > FamilyRoom(m, bin))
        {
            return -1;
        }

        var w = NewVar(0, 0);
        AddRow(double.NegativeInfinity, 0, arcs.Select(a => (a, -1.0)).Append((w, (double)items)));
        return w;
    }

    /// <summary>The most load one family may bring to a bin: its limit for one family, within its capacity.</summary>
    private static int FamilyRoom(AssignmentModel m, int bin) => Math.Min(m.BinFamilyLoadCap[bin], m.BinCapacity[bin]);

    private void SetObjective(AssignmentModel m, List<(int Var, long Coef)> penalties)
    {
        // Each item's arc score lies within plus or minus its largest magnitude (it takes one arc or none), and
        // every other term within its coefficient; the spread exceeds the widest difference between two plans.
        long spread = 1;
        var itemSpread = new long[m.ItemCount];
        for (var a = 0; a < m.ArcCount; a++)
        {
            itemSpread[m.ArcItem[a]] = Math.Max(itemSpread[m.ArcItem[a]], Math.Abs(m.ArcScore[a]));
        }

        foreach (var v in itemSpread)
        {
            spread = checked(spread + (2 * v));
        }

        foreach (var (_, c) in penalties)
        {
            spread = checked(spread + Math.Abs(c));
        }

        Spread = spread;
        ChildWeight = m.AssignAll ? 0 : spread;
        for (var a = 0; a < m.ArcCount; a++)
        {
            objective[a] = checked((m.ItemValue[m.ArcItem[a]] * ChildWeight) + m.ArcScore[a]);
        }

        foreach (var (v, c) in penalties)
        {
            objective[v] += c;
        }
    }
}
