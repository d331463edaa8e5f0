using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// Exact shortlists in coupled components (those min-cost flow cannot solve), from linear relaxations of the
/// component. For one item, its carers are taken in order of a proved lower bound on what choosing each would cost
/// the batch, and priced exactly until the shortlist is full and no carer left could enter it. The bounds:
/// <list type="bullet">
/// <item>the Lagrangian flow of the batch's relaxation (<see cref="LagrangianPricer"/>): every carer of the item at
/// once, from one shortest-path tree;</item>
/// <item>the relaxation with the item kept off every carer already priced (its proposed one first): its value bounds
/// every carer left at once, its multipliers give another Lagrangian flow, and where it is integral its plan is the
/// next carer's exact price;</item>
/// <item>for a child of a sibling group that may split, the relaxations of the group's plans split, at one home,
/// and not all placed (every plan is one of the three): the batch's own multipliers can price a split as free, these
/// make moving one child cost its split, and a carer that cannot take the whole group cost at least that;</item>
/// <item>where the batch's relaxation is fractional, the leaves of a branching of the whole component
/// (<see cref="BranchFrontier"/>), each with its reduced costs and its own Lagrangian flow: a carer is bounded by the
/// greatest of the leaves' bounds with it, without the relaxation's gap, and its own branching starts from them.</item>
/// </list>
/// A price is exact when a plan with that carer meets its bound: the cycles of the flows, the group moved whole to
/// the carer, and every plan found for the group's children so far are tried first; else the relaxation with the
/// carer held in, solved by columns, and where that is fractional a search on the arcs its reduced costs cannot
/// rule out, which is exact. The whole component is never searched again per carer.
/// </summary>
internal sealed class RelaxationPricer
{
    /// <summary>
    /// Arcs per item in the core the column generation starts from (those whose bound falls least when forced). Twelve,
    /// not two: GLOP starts a solve after new columns nearly from scratch, and from the larger core the pricing jobs'
    /// models end smaller (generated fostering week 12: 2,600 columns a solve, not 3,900; 48 solves after new columns,
    /// not 82), so the explanations of the generated fostering and mixed weeks measured took 9-26% less time, but week
    /// 8's took 12% more.
    /// </summary>
    internal const int CorePerItem = 12;

    /// <summary>Components up to this many candidate pairs get exact prices whatever their relaxation (a search there takes milliseconds).</summary>
    internal const int SearchAlwaysArcs = 2_000;

    /// <summary>
    /// The most relaxations and searches one item's shortlist may take (or three per entry wanted, if more); past it the
    /// shortlist says it was cut short. Sixty-four, not 24: at 24 two of the 22 generated weeks measured had rankings
    /// cut short that missed cheaper carers (fostering week 10, a child of a group of five: its third and fourth
    /// carers, at 32.87 and 36.05, behind three dearer ones; mixed week 21, a pair: a fifth carer at 72.01 where one at
    /// 60.04 exists). Each completes within 44 solves.
    /// </summary>
    internal const int SolvesPerItem = 64;

    /// <summary>
    /// The most node relaxations a branching may take for one exact price: from the leaves of the component's branching,
    /// and from a held relaxation in a component of at most <see cref="SearchAlwaysArcs"/> pairs (where the search
    /// that takes over costs milliseconds).
    /// </summary>
    internal const int BranchNodes = 24;

    /// <summary>
    /// The most for the branching from a held relaxation in a component of more than <see cref="SearchAlwaysArcs"/>
    /// pairs. There a node takes 10-30 ms and the search after a failed branching one to two seconds, so the branching
    /// may take about as long as the search would before giving way to it. The hardest price measured (generated
    /// fostering week 10; 1.6-2.4 s in the search) closes in 42 to 102 nodes, depending on the cuts and columns its
    /// job's model has learnt before it; 192 is about twice the most, where 96 once sent it to the search (0.4 s more).
    /// </summary>
    internal const int HeldBranchNodes = 192;

    /// <summary>The most node relaxations the branching of a whole component may take (generated fostering week 8's closed in 10, into six regions, before the formulation's rows for split groups and shared homes; most weeks measured since are integral at the root).</summary>
    internal const int FrontierNodes = 32;

    private readonly AssignmentModel model;
    private readonly AssignmentSolution baseline;
    private readonly MipFormulation formulation;
    private readonly LinearRelaxation relaxation;
    private readonly int[] core;
    private readonly int[][] arcsOfItem;
    private readonly int[][] membersOf;
    private readonly int[][] arcsOfBin;
    private readonly AssignmentSolverOptions options;
    private readonly LagrangianPricer? lagrangian;
    private readonly Lazy<int[]> start;

    /// <summary>
    /// Every price that needs a search gets one: asked for (--exact-shortlists), or a component of at most
    /// <see cref="SearchAlwaysArcs"/> pairs, where a search takes milliseconds.
    /// </summary>
    private readonly bool searchEvery;

    /// <summary>
    /// True when the component is small or its relaxation is integral: then prices that need a solve get one, and are
    /// exact. In a large component with a fractional relaxation (households taking several children of different
    /// loads, the fostering limit) each such price is a search of about half a second (measured on a generated
    /// 100 x 500 fostering week: 130 s for its shortlists), so there the carers of least bound get the best plan
    /// known with them instead, marked not proved; unless the branching of the whole component closes
    /// (<see cref="frontier"/>).
    /// </summary>
    private bool searching;

    /// <summary>The leaves of the component's branching, where its relaxation is fractional and the branching closed (else null).</summary>
    private BranchFrontier? frontier;

    /// <summary>
    /// The Lagrangian flow of each leaf of <see cref="frontier"/> (null where its structure or numbers allow none):
    /// from the leaf's multipliers, with its arcs held and kept off, it bounds every carer in the leaf by the cycles a
    /// move needs, where the leaf's reduced costs price the carer alone, and its cycles give plans that prove prices.
    /// </summary>
    private readonly Dictionary<BranchFrontier.Leaf, LagrangianPricer?> leafFlows = new(ReferenceEqualityComparer.Instance);

    /// <summary>The formulation the jobs' warm models start from: the batch's cuts and the branching's.</summary>
    private MipFormulation warmFormulation;

    private RelaxationPricer(AssignmentModel model, AssignmentSolution baseline, MipFormulation formulation, LinearRelaxation relaxation, int[] core, AssignmentSolverOptions options, bool exact, bool learnAside)
    {
        this.model = model;
        this.baseline = baseline;
        this.formulation = formulation;
        this.relaxation = relaxation;
        this.core = core;
        arcsOfItem = ModelIndex.Group(model.ArcItem, model.ItemCount, model.ArcCount);
        membersOf = ModelIndex.Group(model.ItemFamily, model.FamilyCount, model.ItemCount);
        arcsOfBin = ModelIndex.Group(model.ArcBin, model.BinCount, model.ArcCount);
        this.options = options;
        start = new Lazy<int[]>(Learn, LazyThreadSafetyMode.ExecutionAndPublication);
        warmFormulation = formulation;
        searchEvery = exact || model.ArcCount <= SearchAlwaysArcs;
        searching = searchEvery || LpCoreBackend.FromRelaxation(model, relaxation.Values) is not null;

        // Where another thread may be used, the start is learnt on it while this one builds the flow (on generated
        // fostering week 1, 90-125 ms and 35-50 ms, before any pricing job can start). Learnt once either way: the
        // first job to need it waits for it.
        if (learnAside)
        {
            _ = Task.Run(() => start.Value);
        }

        lagrangian = LagrangianPricer.Create(model, formulation, relaxation, baseline.ItemArc);
    }

    /// <summary>A pricer for a component solved to optimality; null when its relaxation cannot be solved in time.</summary>
    /// <param name="model">The component.</param>
    /// <param name="baseline">Its optimal plan.</param>
    /// <param name="options">Limits for each solve.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="corePerItem">Arcs per item in the core column generation starts from (tests lower it).</param>
    /// <param name="exact">Search wherever a price needs it, whatever the component's size and relaxation.</param>
    /// <param name="learnAside">May use a second thread while it is made (the caller prices on more than one).</param>
    public static RelaxationPricer? Create(AssignmentModel model, AssignmentSolution baseline, AssignmentSolverOptions options, CancellationToken cancellationToken, int corePerItem = CorePerItem, bool exact = false, bool learnAside = false)
    {
        if (baseline.Status != SolveStatus.Optimal)
        {
            return null;
        }

        // The cuts the batch's relaxation needs serve every relaxation after it: with a carer held or kept off.
        var (formulation, solved) = baseline.Root is { } root
            ? root
            : CutRounds.Run(model, MipFormulation.Build(model), f => LinearRelaxation.Solve(f, options.TimeLimit, cancellationToken));
        if (solved is not { } relaxation)
        {
            return null;
        }

        // The core: each item's arcs whose bound falls least when forced, and the plan's own.
        var core = ModelIndex.Group(model.ArcItem, model.ItemCount, model.ArcCount)
            .SelectMany(arcs => arcs.OrderBy(relaxation.Slack).ThenBy(a => a).Take(corePerItem))
            .Concat(baseline.ItemArc.Where(a => a >= 0))
            .Distinct().Order().ToArray();
        var pricer = new RelaxationPricer(model, baseline, formulation, relaxation, core, options, exact, learnAside);
        pricer.Grow(cancellationToken);
        return pricer;
    }

    /// <summary>
    /// Where the batch's relaxation is fractional, the branching of the whole component from its optimal plan
    /// (<see cref="WarmBranching.Grow"/>, at most <see cref="FrontierNodes"/> relaxations): its leaves bound every
    /// carer without the relaxation's gap, and a price's branching starts from them. When every leaf is closed, every
    /// price that needs a solve gets one, and is exact.
    /// </summary>
    private void Grow(CancellationToken cancellationToken)
    {
        if (LpCoreBackend.FromRelaxation(model, relaxation.Values) is not null)
        {
            return;
        }

        using var lp = new WarmRelaxation(formulation, Start);
        var grown = WarmBranching.Grow(model, lp, relaxation, baseline.ItemArc, Worth, FrontierNodes, options.TimeLimit, cancellationToken);
        if (grown.Closed)
        {
            (frontier, searching) = (grown, true);
            warmFormulation = lp.Formulation; // with the cuts the branching learnt: the jobs' warm models start from them
            foreach (var leaf in grown.Leaves)
            {
                leafFlows[leaf] = LagrangianPricer.Create(model, lp.Formulation, leaf.Relaxation, baseline.ItemArc, leaf.Excluded, leaf.Forced);
            }
        }
    }

    private long Weight => formulation.ChildWeight;

    /// <summary>The worth of the plan found, in the formulation's weighted units.</summary>
    private long BaseWorth => checked((baseline.Value * Weight) + baseline.Score);

    /// <summary>What choosing the alternative costs, in weighted units, for ranking.</summary>
    public long Weighted(Alternative alt) => alt.PlacementsLost == long.MaxValue ? long.MaxValue : checked((alt.PlacementsLost * Weight) + alt.CostMilli);

    /// <summary>A lower bound on what forcing the arc costs the batch, from the batch's relaxation alone (long.MaxValue when it cannot be forced).</summary>
    public long CostAtLeast(int arc) => Cost(BaseCeiling(arc));

    /// <summary>
    /// The proposed carer and the cheapest others of one item, exact and ranked: by cost, the proposed carer first
    /// among equal costs, then by the pair's own score, then carer. Pricing stops when the shortlist is full and no
    /// carer left can enter it (ties are priced too), or, where the bounds stay weak, after
    /// <see cref="SolvesPerItem"/> solves (in a large component with a fractional relaxation, after pricing as many
    /// carers as the shortlist holds, each with the best plan known); then every entry says the ranking covers only
    /// the carers priced.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="size">Entries wanted, the proposed carer's included (the shortlist size).</param>
    /// <param name="carerOf">The carer of each arc of the model, for the result and the tie order.</param>
    /// <param name="job">The pricing job this item belongs to (one thread at a time): the plans found so far for the
    /// item's sibling group, and the warm relaxation its solves share.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public List<Alternative> Top(int item, int size, int[] carerOf, Job job, CancellationToken cancellationToken)
    {
        var plans = job.Plans;
        var proposed = baseline.ItemArc[item];
        var proposedCarer = proposed >= 0 ? carerOf[proposed] : -1;
        var found = new List<(Alternative Alt, long Weighted, long Own)>();
        var priced = new HashSet<int>();
        var bounds = new List<Bound>();
        if (proposed >= 0)
        {
            found.Add((new Alternative(carerOf[proposed], 0, 0, true), 0, model.ArcScore[proposed]));
            priced.Add(proposed);
        }

        void Add(int arc, Alternative alt)
        {
            found.Add((alt, Weighted(alt), model.ArcScore[arc]));
            priced.Add(arc);
        }

        FamilyBound? family = null;

        // Each arc's ceiling over the bounds folded in so far; a bound only lowers ceilings, so each is folded in once.
        var arcs = arcsOfItem[item];
        var ceilings = Array.ConvertAll(arcs, BaseCeiling);
        var folded = 0;
        var familyFolded = false;
        void Fold()
        {
            for (; folded < bounds.Count; folded++)
            {
                for (var k = 0; k < arcs.Length; k++)
                {
                    ceilings[k] = Math.Min(ceilings[k], BoundCeiling(arcs[k], bounds[folded]));
                }
            }

            if (!familyFolded && family is { } f)
            {
                familyFolded = true;
                for (var k = 0; k < arcs.Length; k++)
                {
                    ceilings[k] = Math.Min(ceilings[k], FamilyCeiling(arcs[k], f));
                }
            }
        }

        var solves = 0;
        var excludedAt = -1;
        var excludedFor = -1;
        var familyAsked = false;
        var complete = true;
        while (true)
        {
            // The next candidate in the ranking's own order on its least possible cost.
            Fold();
            var next = Enumerable.Range(0, arcs.Length).Where(k => !priced.Contains(arcs[k]))
                .Select(k => (Arc: arcs[k], AtLeast: Cost(ceilings[k]), Own: model.ArcScore[arcs[k]], Carer: carerOf[arcs[k]], Ceiling: ceilings[k]))
                .OrderBy(c => c.AtLeast).ThenByDescending(c => c.Own).ThenBy(c => c.Carer)
                .FirstOrDefault(c => true, (-1, 0, 0, 0, 0));
            if (next.Arc < 0)
            {
                break;
            }

            if (next.AtLeast == long.MaxValue)
            {
                // The bounds prove that no plan uses any carer left (pins and rules rule them out): they rank last.
                foreach (var a in arcsOfItem[item].Where(a => !priced.Contains(a)).ToArray())
                {
                    Add(a, Impossible(carerOf[a]));
                }

                break;
            }

            // It can no longer enter when its least possible cost is above the last entry's, or equal with a lower own
            // score (or equal score and a later carer): every candidate after it in this order is no better.
            // With the shortlist full, a plan with the candidate worth less than the floor costs more than the last entry.
            var floor = long.MinValue;
            if (found.Count >= size)
            {
                var last = found.OrderBy(f => f.Weighted).ThenBy(f => f.Alt.Carer != proposedCarer)
                    .ThenByDescending(f => f.Own).ThenBy(f => f.Alt.Carer).ElementAt(size - 1);
                if (next.AtLeast > last.Weighted || (next.AtLeast == last.Weighted && (next.Own < last.Own || (next.Own == last.Own && next.Carer > last.Alt.Carer))))
                {
                    break;
                }

                floor = last.Weighted == long.MaxValue ? long.MinValue : checked(BaseWorth - last.Weighted);
            }

            var ceiling = next.Ceiling;
            var known = Known(item, next.Arc, bounds, plans);
            if (known is not null && Worth(known) >= ceiling)
            {
                Add(next.Arc, Priced(next.Carer, known, proved: true));
                continue;
            }

            if (solves == (searching ? Math.Max(SolvesPerItem, 3 * size) : size - 1))
            {
                complete = false;
                break;
            }

            if (!searching)
            {
                // A component whose relaxation is fractional (households taking several children of different loads,
                // the fostering limit): every relaxation here is fractional too, and an exact price a search of
                // half a second. The carers of least bound get the best plan known with them, marked not proved.
                solves++;
                var rough = Rough(item, next.Arc, next.Carer, known, ceiling);
                if (rough is { } roughPrice)
                {
                    Add(next.Arc, roughPrice);
                }
                else
                {
                    priced.Add(next.Arc);
                    complete = false;
                }

                continue;
            }

            // A child of a sibling group that may split: first the bounds of the group's cases (shared by its siblings).
            solves++;
            if (!familyAsked)
            {
                familyAsked = true;
                family = Family(item, job);
                if (family is not null)
                {
                    continue;
                }
            }

            // Every carer left at once: the relaxation with the item kept off every carer priced so far. Not twice for
            // the same candidate: where the next relaxation only proves another carer of equal cost (ties), or the
            // candidate's own price is above the bound it gives, the candidate is priced alone.
            if (excludedAt != priced.Count && excludedFor != next.Arc)
            {
                excludedAt = priced.Count;
                excludedFor = next.Arc;
                var excluded = priced.ToArray();
                var lp = Warm(job);
                if (lp.Solve(-1, excluded, options.TimeLimit, cancellationToken) is { } without)
                {
                    var integral = LpCoreBackend.FromRelaxation(model, without.Values);
                    // An integral relaxation bounds the carers left well by itself (and prices the next); its flow
                    // would cost more to build (about 5 ms on a fostering week) than the relaxations it saves. So
                    // does a fractional one where the component's branching closed: the leaves' flows and bounds
                    // price every carer there (generated fostering week 8: 155 such flows, 1.1 s of CPU, and the
                    // same shortlists without them).
                    bounds.Add(new Bound(without, integral is null && frontier is null ? LagrangianPricer.Create(model, lp.Formulation, without, baseline.ItemArc, excluded) : null));
                    if (integral is not null && ModelPlan.IsValid(model, integral))
                    {
                        plans.Add(integral);
                        if (integral[item] >= 0 && !priced.Contains(integral[item]) && without.NoneAbove(Worth(integral)))
                        {
                            Add(integral[item], Priced(carerOf[integral[item]], integral, proved: true));
                        }
                    }
                }

                continue;
            }

            // This carer alone: the relaxation with it held in, then a search where that is fractional.
            var (alt, forcedPlan, below) = Forced(item, next.Arc, next.Carer, known, floor, job, cancellationToken);
            if (forcedPlan is not null)
            {
                plans.Add(forcedPlan);
            }

            if (below)
            {
                priced.Add(next.Arc); // proved to cost more than the last entry: it cannot enter
            }
            else if (alt is { } price)
            {
                Add(next.Arc, price);
            }
            else
            {
                priced.Add(next.Arc); // no plan with this carer was found in time: left out, and the ranking says so
                complete = false;
            }
        }

        return [.. found.Select(f => complete ? f.Alt : f.Alt with { Ranked = false })];
    }

    /// <summary>The exact cost of forcing the item onto the arc, re-optimising everything else (for one carer alone).</summary>
    /// <param name="item">The item.</param>
    /// <param name="arc">One of its arcs.</param>
    /// <param name="carer">The carer of the arc, for the result.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The price; null when neither a plan with this carer nor a proof that none exists was found in time.</returns>
    public Alternative? Price(int item, int arc, int carer, CancellationToken cancellationToken)
    {
        if (baseline.ItemArc[item] == arc)
        {
            return new Alternative(carer, 0, 0, true);
        }

        var plan = Known(item, arc, [], []);
        if (plan is not null && Worth(plan) >= BaseCeiling(arc))
        {
            return Priced(carer, plan, proved: true);
        }

        using var job = new Job();
        return Forced(item, arc, carer, plan, long.MinValue, job, cancellationToken).Price;
    }

    /// <summary>
    /// The least ceiling on the worth of plans that use the arc (long.MinValue when none can) from the bounds every item
    /// shares: the batch's relaxation, its branching's leaves and its Lagrangian flow. A shortlist lowers it with the
    /// bounds it finds (<see cref="BoundCeiling"/>, <see cref="FamilyCeiling"/>).
    /// </summary>
    private long BaseCeiling(int arc)
    {
        var ceiling = With(relaxation, arc);
        if (frontier is not null)
        {
            ceiling = Math.Min(ceiling, frontier.CeilingWith(model, arc, LeafWith));
        }

        return lagrangian is not null ? Math.Min(ceiling, lagrangian.Price(model.ArcItem[arc], arc).Ceiling) : ceiling;
    }

    /// <summary>The ceiling from one relaxation with the item kept off some carers, and from its flow.</summary>
    private long BoundCeiling(int arc, Bound bound)
    {
        var ceiling = With(bound.Relaxation, arc);
        return bound.Flow is not null ? Math.Min(ceiling, bound.Flow.Price(model.ArcItem[arc], arc).Ceiling) : ceiling;
    }

    /// <summary>
    /// The ceiling for a child of a sibling group that may split: the plan splits the group, or has it whole at this
    /// carer, or leaves one of its children or more unplaced.
    /// </summary>
    private long FamilyCeiling(int arc, FamilyBound f)
    {
        var whole = formulation.WholeFamilyAt(arc) switch
        {
            -1 => long.MinValue,
            { } v => Math.Min(relaxation.CeilingWith(v), f.Together.CeilingWith(v)),
            null => With(f.Together, arc),
        };
        return Math.Max(Math.Max(With(f.Split, arc), f.Short.Ceiling), whole);
    }

    /// <summary>
    /// The bounds for a sibling group that may split (taken once per group, when a child of it first needs a solve,
    /// the same whichever child asks first): the relaxation with the group kept at one home, and with it split.
    /// Where the batch's own multipliers price a split as free, these two make moving one child cost its split, so
    /// the carers that would split the group fall behind those that take it whole. Null for other items.
    /// </summary>
    private FamilyBound? Family(int item, Job job)
    {
        var family = model.ItemFamily[item];
        if (model.FamilySplitPenalty[family] == 0)
        {
            return null;
        }

        if (!job.Families.TryGetValue(family, out var bound))
        {
            var lp = Warm(job);
            LinearRelaxation? Case(MipFormulation.FamilyCase kind) => lp.Formulation.FamilyRow(family, kind, model) is { } row
                ? lp.SolveWith(row, options.TimeLimit, CancellationToken.None)
                : null;
            bound = (Case(MipFormulation.FamilyCase.Split), Case(MipFormulation.FamilyCase.Together), Case(MipFormulation.FamilyCase.Short)) is ({ } split, { } together, { } incomplete)
                ? new FamilyBound(split, together, incomplete)
                : null;
            job.Families[family] = bound;
        }

        return bound;
    }

    /// <summary>A leaf's ceiling on its plans with the arc: from its relaxation, and from its Lagrangian flow.</summary>
    private long LeafWith(BranchFrontier.Leaf leaf, int arc)
    {
        var ceiling = With(leaf.Relaxation, arc);
        return leafFlows.GetValueOrDefault(leaf) is { } flow ? Math.Min(ceiling, flow.Price(model.ArcItem[arc], arc).Ceiling) : ceiling;
    }

    /// <summary>A relaxation's ceiling on plans with the arc: from its own reduced cost, and from those of the subsets that hold it (one of them is in).</summary>
    private long With(LinearRelaxation bound, int arc)
    {
        var ceiling = bound.CeilingWith(arc);
        var subsets = formulation.SubsetsOf(arc);
        return subsets.Length == 0 ? ceiling : Math.Min(ceiling, subsets.Max(v => bound.CeilingWith(v)));
    }

    private long Cost(long ceiling) => ceiling == long.MinValue ? long.MaxValue : Math.Max(0, checked(BaseWorth - ceiling));

    /// <summary>The best valid plan known with the arc: among the cycles of the flows and the plans found for the sibling group (null when none).</summary>
    private int[]? Known(int item, int arc, List<Bound> bounds, List<int[]> plans)
    {
        int[]? known = null;
        var cycles = bounds.Select(b => b.Flow).Prepend(lagrangian).Concat(frontier?.Leaves.Select(l => leafFlows.GetValueOrDefault(l)) ?? [])
            .Select(flow => flow?.Price(item, arc).Plan)
            .Where(plan => plan is not null && plan[item] == arc && ModelPlan.IsValid(model, plan));
        foreach (var plan in cycles.Concat(plans.Where(p => p[item] == arc)).Append(MovedWhole(item, arc)).Where(p => p is not null))
        {
            if (known is null || Worth(plan!) > Worth(known))
            {
                known = plan;
            }
        }

        return known;
    }

    /// <summary>
    /// The proposed plan with the item's whole sibling group moved to the arc's carer (a group that may split, moved
    /// whole: what the cycles of the flows, which move one child, never show), when that keeps every rule; else null.
    /// </summary>
    private int[]? MovedWhole(int item, int arc)
    {
        var family = model.ItemFamily[item];
        if (model.FamilySplitPenalty[family] <= 0)
        {
            return null;
        }

        var plan = (int[])baseline.ItemArc.Clone();
        foreach (var member in membersOf[family])
        {
            var there = Array.FindIndex(arcsOfItem[member], a => model.ArcBin[a] == model.ArcBin[arc]);
            if (there < 0)
            {
                return null;
            }

            plan[member] = arcsOfItem[member][there];
        }

        return plan[item] == arc && ModelPlan.IsValid(model, plan) ? plan : null;
    }

    /// <summary>
    /// The better of the plan known with the arc and the safe flow with the arc pinned (valid by construction): exact
    /// when it meets the ceiling, else marked not proved; null when neither gives a plan.
    /// </summary>
    private Alternative? Rough(int item, int arc, int carer, int[]? known, long ceiling)
    {
        foreach (var plan in (int[]?[])[Repaired(item, arc), FlowBackend.SolvePlainSafely(model.WithPinned(item, arc)).ItemArc])
        {
            if (plan is not null && plan[item] == arc && ModelPlan.IsValid(model, plan) && (known is null || Worth(plan) > Worth(known)))
            {
                known = plan;
            }
        }

        return known is null ? null : Priced(carer, known, proved: Worth(known) >= ceiling);
    }

    /// <summary>
    /// The proposed plan with the item moved to the arc: the children at that carer who no longer fit leave it, the
    /// least worth first, and each takes the best carer that still has room for them, or none; then the one move that
    /// most improves it, of a child into the home the item left or of a child displaced (null when the move breaks a
    /// rule that leaving cannot mend).
    /// </summary>
    private int[]? Repaired(int item, int arc)
    {
        var plan = (int[])baseline.ItemArc.Clone();
        plan[item] = arc;
        var evicted = new List<int>();
        var there = Enumerable.Range(0, model.ItemCount)
            .Where(i => i != item && plan[i] >= 0 && model.ArcBin[plan[i]] == model.ArcBin[arc] && model.ItemForcedArc[i] < 0)
            .OrderBy(i => (model.ItemValue[i] * Weight) + model.ArcScore[plan[i]]).ThenBy(i => i)
            .ToList();
        while (!ModelPlan.IsValid(model, plan))
        {
            if (there.Count == 0)
            {
                return null;
            }

            plan[there[0]] = -1;
            evicted.Add(there[0]);
            there.RemoveAt(0);
        }

        foreach (var e in evicted)
        {
            foreach (var a in arcsOfItem[e].OrderByDescending(a => model.ArcScore[a]).ThenBy(a => a))
            {
                plan[e] = a;
                if (ModelPlan.IsValid(model, plan))
                {
                    break;
                }

                plan[e] = -1;
            }
        }

        // Then the best improving move of one child into the home the item left, or of a child it displaced.
        var left = baseline.ItemArc[item] < 0 ? -1 : model.ArcBin[baseline.ItemArc[item]];
        var (bestArc, bestWorth) = (-1, Worth(plan));
        foreach (var a in (left < 0 ? [] : arcsOfBin[left]).Concat(evicted.SelectMany(e => arcsOfItem[e])).Distinct().Order())
        {
            var i = model.ArcItem[a];
            if (i == item || plan[i] == a || model.ItemForcedArc[i] >= 0)
            {
                continue;
            }

            var was = plan[i];
            plan[i] = a;
            if (ModelPlan.IsValid(model, plan) && Worth(plan) > bestWorth)
            {
                (bestArc, bestWorth) = (a, Worth(plan));
            }

            plan[i] = was;
        }

        if (bestArc >= 0)
        {
            plan[model.ArcItem[bestArc]] = bestArc;
        }

        return plan;
    }

    /// <summary>
    /// The relaxation with the arc held at 1, solved by columns from the core, with rounds of cuts: exact when its plan
    /// is integral or a plan known meets its bound. Otherwise, where the component's relaxation is fractional and its
    /// branching closed, a branching from that branching's leaves; else a branching from the held relaxation, then the
    /// search on the arcs its reduced costs cannot rule out (exact unless out of time, then the best plan found with
    /// this carer, marked not proved, or null when none was). Below is true, and no price given, when the bounds prove
    /// that no plan with the arc is worth <paramref name="floor"/> (long.MinValue: no floor): the carer cannot enter the
    /// shortlist, and its exact price is not needed.
    /// </summary>
    private (Alternative? Price, int[]? Plan, bool Below) Forced(int item, int arc, int carer, int[]? known, long floor, Job job, CancellationToken cancellationToken)
    {
        var floored = floor != long.MinValue;
        bool BelowFloor(int[]? plan) => floored && (plan is null || Worth(plan) < floor);

        // A plan proved the best with the arc: its exact price, or below when it is worth less than the floor.
        (Alternative? Price, int[]? Plan, bool Below) Best(int[] plan) => BelowFloor(plan) ? (null, plan, true) : (Priced(carer, plan, proved: true), plan, false);
        var lp = Warm(job);

        // The held relaxation first, in every component: the rounds of cuts run in full either way, and the cuts they
        // add stay in the model and serve the prices after. Where the component's relaxation is fractional (generated
        // fostering week 8), they settle half its prices without the leaves (GLOP solves in its explanations 872 ->
        // about 500), and the relaxations after them are tighter.
        var held = CutRounds.Run(model, lp, () => lp.Solve(arc, null, options.TimeLimit, cancellationToken));
        if (held is not null)
        {
            if (floored && held.NoneAbove(floor - 1))
            {
                return (null, known, true);
            }

            if (LpCoreBackend.FromRelaxation(model, held.Values) is { } integral && integral[item] == arc && ModelPlan.IsValid(model, integral))
            {
                if (held.NoneAbove(Worth(integral)))
                {
                    return Best(integral);
                }

                known = known is null || Worth(integral) > Worth(known) ? integral : known;
            }

            if (known is not null && held.NoneAbove(Worth(known)))
            {
                return Best(known);
            }
        }

        if (frontier is not null)
        {
            // From the leaves of the component's branching: most are ruled out by their bounds with the arc, unsolved.
            var (found, proved) = WarmBranching.Solve(model, lp, arc, frontier, LeafWith, known, Worth, BranchNodes, options.TimeLimit, cancellationToken, floor);
            known = found ?? known;
            if (proved && BelowFloor(known))
            {
                return (null, known, true);
            }

            // Proved, or else (its budget spent) in a large component without --exact-shortlists: the best plan found,
            // marked not proved, where the search after it would take hundreds of milliseconds.
            if (proved || !searchEvery)
            {
                return known is null ? (null, null, false) : (Priced(carer, known, proved), known, false);
            }
        }

        var pinned = model.WithPinned(item, arc);
        if (held is null)
        {
            // No relaxation with this carer (none may exist: a pin or a group's rule may rule it out): the whole
            // component with it pinned, which says which.
            var (price, plan) = Settled(LpCoreBackend.Solve(pinned, options, cancellationToken), carer, known);
            return (price, plan, false);
        }

        // A branching on the warm model first (unless the frontier's was just tried): most of these close in a few
        // relaxations, where the search takes hundreds of milliseconds.
        var budget = model.ArcCount > SearchAlwaysArcs ? HeldBranchNodes : BranchNodes;
        var (branched, closed) = frontier is not null ? (known, false) : WarmBranching.Solve(model, lp, arc, held, known, Worth, budget, options.TimeLimit, cancellationToken, floor);
        if (closed)
        {
            return Best(branched!);
        }

        known = branched ?? known;

        var (searched, searchedPlan) = Settled(LpCoreBackend.SearchCores(pinned, lp.Formulation, held, known, options, cancellationToken), carer, known);
        return (searched, searchedPlan, false);
    }

    /// <summary>The price a search with the carer pinned gives, and its plan: exact when proved, else its plan's or the one known, marked not proved.</summary>
    private (Alternative? Price, int[]? Plan) Settled(AssignmentSolution search, int carer, int[]? known) => search.Status switch
    {
        SolveStatus.Optimal => (Priced(carer, search.ItemArc, proved: true), search.ItemArc),
        SolveStatus.Feasible => (Priced(carer, search.ItemArc, proved: false), search.ItemArc),
        SolveStatus.Infeasible => (Impossible(carer), null),
        _ => known is null ? (null, null) : (Priced(carer, known, proved: false), known),
    };

    /// <summary>
    /// Where column generation starts: the core and the arcs a relaxation close to the batch's ended with (the first
    /// placed item kept off its carer; solved once, when first needed, the same whichever thread asks): most of
    /// those the others need, so theirs take one or two rounds, not four.
    /// </summary>
    private int[] Start => start.Value;

    /// <summary>The job's warm relaxation, made on first use from the formulation with the batch's cuts and <see cref="Start"/>.</summary>
    private WarmRelaxation Warm(Job job) => job.Relaxation ??= new WarmRelaxation(warmFormulation, Start);

    private int[] Learn()
    {
        var first = Array.FindIndex(baseline.ItemArc, a => a >= 0);
        return first >= 0 && LinearRelaxation.SolveByColumns(formulation, core, -1, options.TimeLimit, CancellationToken.None, excludedArcs: [baseline.ItemArc[first]]) is { Complete: true } solved
            ? [.. core.Union(solved.Columns).Order()]
            : core;
    }

    private long Worth(int[] plan)
    {
        var (value, score) = ModelPlan.Measure(model, plan);
        return checked((value * Weight) + score);
    }

    private Alternative Priced(int carer, int[] plan, bool proved)
    {
        var (value, score) = ModelPlan.Measure(model, plan);
        return new Alternative(carer, baseline.Value - value, baseline.Score - score, proved);
    }

    private static Alternative Impossible(int carer) => new(carer, long.MaxValue, long.MaxValue, true);

    /// <summary>
    /// One pricing job: items of one component priced in turn on one thread (a sibling group's children always in the
    /// same job), sharing the plans found, the sibling groups' case bounds and one warm relaxation, whose cuts and
    /// columns carry from one price to the next.
    /// </summary>
    public sealed class Job : IDisposable
    {
        /// <summary>Valid plans found so far: their worth proves a price that meets its bound.</summary>
        public List<int[]> Plans { get; } = [];

        internal WarmRelaxation? Relaxation { get; set; }

        /// <summary>The bounds of each sibling group's cases, solved once for its children (null where they could not be).</summary>
        internal Dictionary<int, FamilyBound?> Families { get; } = [];

        public void Dispose() => Relaxation?.Dispose();
    }

    /// <summary>The relaxations of a sibling group's plans split, at one home, and with a child not placed.</summary>
    internal sealed record FamilyBound(LinearRelaxation Split, LinearRelaxation Together, LinearRelaxation Short);

    /// <summary>A relaxation with the item kept off some carers, and the Lagrangian flow of its multipliers (null when it has none).</summary>
    private sealed record Bound(LinearRelaxation Relaxation, LagrangianPricer? Flow);
}
