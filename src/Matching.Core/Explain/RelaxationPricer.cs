using System.Collections.Concurrent;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>
/// Exact <c>cost_if_chosen</c> in coupled components too large to re-solve whole for every choice, from the
/// linear relaxation of the component. Its duals bound, for every arc, the best plan that uses it, so:
/// <list type="bullet">
/// <item>a unit's candidates are priced in order of that bound, and pricing stops once the shortlist is full and no
/// candidate left could enter it (exact top k without pricing every carer);</item>
/// <item>each price comes first from <see cref="LagrangianPricer"/> (all of a unit's carers from one shortest-path
/// tree, exact when the plan of its cycle meets its bound: nearly every price in a weekly adoption batch); else
/// from the relaxation with the carer forced, solved by column generation from a small core, exact when integral
/// (its bound covers every arc); else, where a plan with that carer is known, its cost, marked not proved least.
/// The whole component is never searched again per carer (measured: a second or more each in a 100 x 500
/// adoption week).</item>
/// </list>
/// </summary>
internal sealed class RelaxationPricer
{
    /// <summary>Arcs per item in the core the column generation starts from.</summary>
    internal const int CorePerItem = 2;

    private readonly AssignmentModel model;
    private readonly AssignmentSolution baseline;
    private readonly MipFormulation formulation;
    private readonly LinearRelaxation relaxation;
    private readonly int[] core;
    private readonly int[][] arcsOfItem;
    private readonly AssignmentSolverOptions options;
    private readonly LagrangianPricer? lagrangian;
    private readonly ConcurrentDictionary<int, LagrangianPricer?> unitPricers = new();

    private RelaxationPricer(AssignmentModel model, AssignmentSolution baseline, MipFormulation formulation, LinearRelaxation relaxation, int[] core, AssignmentSolverOptions options)
    {
        lagrangian = LagrangianPricer.Create(model, formulation, relaxation, baseline.ItemArc);

        this.model = model;
        this.baseline = baseline;
        this.formulation = formulation;
        this.relaxation = relaxation;
        this.core = core;
        arcsOfItem = ModelIndex.Group(model.ArcItem, model.ItemCount, model.ArcCount);
        this.options = options;
    }

    /// <summary>A pricer for a component solved to optimality; null when its relaxation cannot be solved in time.</summary>
    public static RelaxationPricer? Create(AssignmentModel model, AssignmentSolution baseline, AssignmentSolverOptions options, CancellationToken cancellationToken, int corePerItem = CorePerItem)
    {
        if (baseline.Status != SolveStatus.Optimal)
        {
            return null;
        }

        var formulation = MipFormulation.Build(model);
        if (LinearRelaxation.Solve(formulation, options.TimeLimit, cancellationToken) is not { } relaxation)
        {
            return null;
        }

        // The core: each item's arcs whose bound falls least when forced, and the plan's own.
        var core = ModelIndex.Group(model.ArcItem, model.ItemCount, model.ArcCount)
            .SelectMany(arcs => arcs.OrderBy(relaxation.Slack).ThenBy(a => a).Take(corePerItem))
            .Concat(baseline.ItemArc.Where(a => a >= 0))
            .Distinct().Order().ToArray();
        return new RelaxationPricer(model, baseline, formulation, relaxation, core, options);
    }

    private long Weight => formulation.ChildWeight;

    /// <summary>The model arcs of one item, ascending.</summary>
    public int[] ArcsOf(int item) => arcsOfItem[item];

    /// <summary>
    /// The Lagrangian flow for one placed item, from the relaxation with its proposed carer held at 0 (solved once per
    /// item, by column generation); null for an unplaced item or when that relaxation cannot be solved.
    /// </summary>
    private LagrangianPricer? UnitPricer(int item, CancellationToken cancellationToken, out bool built)
    {
        built = false;
        if (unitPricers.TryGetValue(item, out var known))
        {
            return known;
        }

        var current = baseline.ItemArc[item];
        LagrangianPricer? pricer = null;
        if (current >= 0 && model.ItemForcedArc[item] < 0
            && LinearRelaxation.SolveByColumns(formulation, core, -1, options.TimeLimit, cancellationToken, excludedArc: current) is { } without)
        {
            pricer = LagrangianPricer.Create(model, formulation, without, LpCoreBackend.FromRelaxation(model, without.Values) ?? baseline.ItemArc);
        }

        built = current >= 0;
        return unitPricers.GetOrAdd(item, pricer);
    }

    /// <summary>The worth of the plan found, in the formulation's weighted units.</summary>
    private long BaseWorth => checked((baseline.Value * Weight) + baseline.Score);

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

    /// <summary>A lower bound on what forcing the arc costs the batch, in weighted units (long.MaxValue when it cannot be forced).</summary>
    public long CostAtLeast(int arc)
    {
        var item = model.ArcItem[arc];
        var ceiling = relaxation.CeilingWith(arc);
        if (lagrangian is not null)
        {
            ceiling = Math.Min(ceiling, lagrangian.Price(item, arc).Ceiling);
        }

        if (unitPricers.TryGetValue(item, out var unit) && unit is not null)
        {
            ceiling = Math.Min(ceiling, unit.Price(item, arc).Ceiling);
        }

        return ceiling == long.MinValue ? long.MaxValue : Math.Max(0, checked(BaseWorth - ceiling));
    }

    /// <summary>What choosing the arc costs, in weighted units, for ranking.</summary>
    public long Weighted(Alternative alt) => alt.PlacementsLost == long.MaxValue ? long.MaxValue : checked((alt.PlacementsLost * Weight) + alt.CostMilli);

    /// <summary>The exact cost of forcing the item onto the arc, re-optimising everything else.</summary>
    /// <param name="item">The item.</param>
    /// <param name="arc">One of its arcs.</param>
    /// <param name="carer">The carer of the arc, for the result.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="solved">True when pricing needed a solve (the Lagrangian flow alone could not settle it).</param>
    /// <returns>The price, or null when no plan with this carer was found without a search.</returns>
    public Alternative? Price(int item, int arc, int carer, CancellationToken cancellationToken, out bool solved)
    {
        solved = false;
        if (baseline.ItemArc[item] == arc)
        {
            return new Alternative(carer, 0, 0, true);
        }

        // Most prices are settled by the Lagrangian flow alone: its bound, met by the plan of its own cycle.
        int[]? known = null;
        if (lagrangian is not null)
        {
            var (ceiling, cycle) = lagrangian.Price(item, arc);
            if (ceiling == long.MinValue)
            {
                return new Alternative(carer, long.MaxValue, long.MaxValue, true);
            }

            if (cycle is not null && cycle[item] == arc && ModelPlan.IsValid(model, cycle))
            {
                known = cycle;
                if (Worth(cycle) >= ceiling)
                {
                    return Priced(carer, cycle, proved: true);
                }
            }
        }

        // Then the same flow with multipliers from the relaxation without the item's proposed carer: they price
        // what moving this item costs (a sibling group split included), where the batch's own may not.
        if (UnitPricer(item, cancellationToken, out var built) is { } unit)
        {
            solved = built;
            var (ceiling, cycle) = unit.Price(item, arc);
            var bound = lagrangian is null ? ceiling : Math.Min(ceiling, lagrangian.Price(item, arc).Ceiling);
            if (bound == long.MinValue)
            {
                return new Alternative(carer, long.MaxValue, long.MaxValue, true);
            }

            if (cycle is not null && cycle[item] == arc && ModelPlan.IsValid(model, cycle))
            {
                known = known is null || Worth(cycle) > Worth(known) ? cycle : known;
                if (Worth(known) >= bound)
                {
                    return Priced(carer, known, proved: true);
                }
            }
        }

        // Then the relaxation with the arc forced, by column generation from the core.
        solved = true;
        var forcedRelaxation = LinearRelaxation.SolveByColumns(formulation, core, arc, options.TimeLimit, cancellationToken);
        if (forcedRelaxation is not null && LpCoreBackend.FromRelaxation(model, forcedRelaxation.Values) is { } plan
            && plan[item] == arc && ModelPlan.IsValid(model, plan))
        {
            if (forcedRelaxation.NoneAbove(Worth(plan)))
            {
                return Priced(carer, plan, proved: true);
            }

            known = known is null || Worth(plan) > Worth(known) ? plan : known;
        }

        // Proving this one would take a search of seconds (the relaxation with this carer forced splits a group
        // fractionally): the cost of the best plan known with this carer, marked as not proved least, or nothing.
        return known is null ? null : Priced(carer, known, proved: false);
    }
}
