namespace Matching.Solving;

/// <summary>
/// A small branch and bound on a warm relaxation: the best plan that uses one arc, proved by branching on the arcs
/// the relaxation leaves fractional (held at 1 on one side, kept off on the other), best bound first, each node
/// closed by the cuts the warm model has learnt (they hold for every plan, so they stay). A node is closed when its
/// bound proves no plan in it beats the best plan known, or when its relaxation is integral. With its budget of
/// relaxations spent before every node is closed, the best plan found is returned unproved. A node's relaxation takes
/// a few milliseconds where a search on the component's core takes hundreds, so prices whose relaxation is fractional
/// by a little (a sibling group spread over a few homes) are proved here, and only the rest need the search.
/// </summary>
internal static class WarmBranching
{
    /// <summary>How far from 0 or 1 a value must be to count as fractional.</summary>
    private const double Tolerance = 1e-6;

    /// <summary>Rounds of cuts at each node: the cuts learnt so far already hold there, so two rounds catch what the branch itself exposes.</summary>
    private const int NodeCutRounds = 2;

    /// <summary>
    /// The best plan using <paramref name="arc"/>, from the relaxation with it held (<paramref name="root"/>, solved on
    /// <paramref name="lp"/>) and the best plan with it known (or null).
    /// </summary>
    /// <param name="m">The component.</param>
    /// <param name="lp">The warm relaxation the root was solved on; its later solves are the nodes.</param>
    /// <param name="arc">The arc held at 1 in every node.</param>
    /// <param name="root">The relaxation with the arc held.</param>
    /// <param name="known">The best valid plan known with the arc, or null.</param>
    /// <param name="worth">The worth of a plan, in the formulation's units.</param>
    /// <param name="budget">The most node relaxations to solve (the root not counted).</param>
    /// <param name="limit">The time limit of each relaxation.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="floor">Plans worth less than this do not matter (long.MinValue: every plan does): nodes whose bound
    /// is below it are closed too, and Proved then says that the plan returned is the best or that no plan with the arc
    /// is worth the floor (the plan returned, if any, is worth less).</param>
    /// <returns>The best plan found with the arc (null when none was), and whether it is proved the best.</returns>
    public static (int[]? Plan, bool Proved) Solve(
        AssignmentModel m, WarmRelaxation lp, int arc, LinearRelaxation root, int[]? known, Func<int[], long> worth, int budget, TimeSpan limit, CancellationToken cancellationToken, long floor = long.MinValue) =>
        Explore(m, lp, arc, [new Node([], [], root.Ceiling, root, null)], known, worth, budget, limit, null, cancellationToken, floor);

    /// <summary>
    /// The same, starting from the leaves of the component's <paramref name="frontier"/> instead of the root: each leaf
    /// that allows the arc, with its bound on plans with the arc; those the best plan known already beats are closed
    /// without a solve, so a price pays only for the regions where a plan with the arc could still be better.
    /// </summary>
    /// <param name="m">The component.</param>
    /// <param name="lp">The warm relaxation the nodes are solved on.</param>
    /// <param name="arc">The arc held at 1 in every node.</param>
    /// <param name="frontier">The leaves of the component's branching.</param>
    /// <param name="with">A leaf's ceiling on its plans with the arc.</param>
    /// <param name="known">The best valid plan known with the arc, or null.</param>
    /// <param name="worth">The worth of a plan, in the formulation's units.</param>
    /// <param name="budget">The most node relaxations to solve.</param>
    /// <param name="limit">The time limit of each relaxation.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="floor">Plans worth less than this do not matter, as for the other overload.</param>
    public static (int[]? Plan, bool Proved) Solve(
        AssignmentModel m, WarmRelaxation lp, int arc, BranchFrontier frontier, Func<BranchFrontier.Leaf, int, long> with, int[]? known, Func<int[], long> worth, int budget, TimeSpan limit, CancellationToken cancellationToken, long floor = long.MinValue)
    {
        var start = frontier.Leaves.Where(l => l.Allows(m, arc))
            .Select(l => new Node(l.Forced, l.Excluded, l.CeilingWith(arc, with), l.Own && l.Forced.Contains(arc) ? l.Relaxation : null, l.Relaxation))
            .Where(n => n.Ceiling != long.MinValue); // no plan in the leaf uses the arc
        return Explore(m, lp, arc, start, known, worth, budget, limit, null, cancellationToken, floor);
    }

    /// <summary>
    /// A branching on the component's relaxation with no arc held, from the best plan (proved optimal), until every
    /// node is closed or the budget is spent: its leaves hold every plan, with bounds that close the relaxation's gap.
    /// </summary>
    /// <param name="m">The component.</param>
    /// <param name="lp">The warm relaxation the nodes are solved on.</param>
    /// <param name="root">The component's relaxation, solved on <paramref name="lp"/>'s formulation.</param>
    /// <param name="best">The best plan.</param>
    /// <param name="worth">The worth of a plan, in the formulation's units.</param>
    /// <param name="budget">The most node relaxations to solve.</param>
    /// <param name="limit">The time limit of each relaxation.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static BranchFrontier Grow(AssignmentModel m, WarmRelaxation lp, LinearRelaxation root, int[] best, Func<int[], long> worth, int budget, TimeSpan limit, CancellationToken cancellationToken)
    {
        var leaves = new List<BranchFrontier.Leaf>();
        var (_, closed) = Explore(m, lp, -1, [new Node([], [], root.Ceiling, root, null)], best, worth, budget, limit, leaves, cancellationToken);
        return new BranchFrontier(leaves, closed);
    }

    /// <summary>
    /// Best bound first from the start nodes, each solved with <paramref name="arc"/> held (none when -1). Where
    /// <paramref name="leaves"/> is given, every node closed or left open goes into it. Nodes whose bound is below
    /// <paramref name="floor"/> are closed as those the best plan beats are.
    /// </summary>
    private static (int[]? Plan, bool Proved) Explore(
        AssignmentModel m, WarmRelaxation lp, int arc, IEnumerable<Node> start, int[]? known, Func<int[], long> worth, int budget, TimeSpan limit, List<BranchFrontier.Leaf>? leaves, CancellationToken cancellationToken, long floor = long.MinValue)
    {
        var best = known;
        var bestWorth = known is null ? long.MinValue : worth(known);
        var lost = false;
        var floored = floor != long.MinValue;

        // Closed: nothing in the node beats the best plan, or is worth the floor.
        bool Beaten(long ceiling) => (best is not null && ceiling <= bestWorth) || (floored && ceiling < floor);
        bool BeatenBy(LinearRelaxation r) => (best is not null && r.NoneAbove(bestWorth)) || (floored && r.NoneAbove(floor - 1));

        // Best bound first; among equal bounds the node made first (the order is the same on every run).
        var open = new PriorityQueue<Node, (long, long)>();
        var made = 0L;
        void Push(Node node) => open.Enqueue(node, (-node.Ceiling, made++));
        void Leave(Node node, LinearRelaxation? own)
        {
            if (leaves is not null && (own ?? node.Relaxation ?? node.Parent) is { } r)
            {
                leaves.Add(new BranchFrontier.Leaf(node.Forced, node.Excluded, own is null ? node.Ceiling : Math.Min(node.Ceiling, own.Ceiling), r, own is not null || node.Relaxation is not null));
            }
        }

        foreach (var node in start)
        {
            Push(node);
        }

        var solved = 0;
        while (open.TryDequeue(out var node, out _))
        {
            if (Beaten(node.Ceiling))
            {
                Leave(node, null);
                continue; // closed by its bound: nothing in it beats the best plan (or is worth the floor)
            }

            var relaxation = node.Relaxation;
            if (relaxation is null)
            {
                if (solved == budget)
                {
                    Leave(node, null);
                    while (open.TryDequeue(out var rest, out _))
                    {
                        Leave(rest, null);
                    }

                    return (best, false);
                }

                solved++;
                relaxation = CutRounds.Run(m, lp, () => lp.Solve(arc, node.Forced, node.Excluded, limit, cancellationToken), rounds: NodeCutRounds);
                if (relaxation is null)
                {
                    // No relaxation from the columns loaded. Where the whole relaxation has no point either (the arcs
                    // held cannot all be in one plan: generated fostering week 8 has two such nodes), the node holds
                    // no plan and is closed. Else GLOP failed: the node is not proved empty, so nothing found after it
                    // is proved.
                    if (!lp.Empty(arc, node.Forced, node.Excluded, limit, cancellationToken))
                    {
                        lost = true;
                        Leave(node, null);
                    }

                    continue;
                }
            }

            if (BeatenBy(relaxation))
            {
                Leave(node, relaxation);
                continue;
            }

            var fractional = Fractional(m, relaxation.Values);
            if (fractional < 0)
            {
                var plan = LpCoreBackend.FromRelaxation(m, relaxation.Values);
                if (plan is not null && (arc < 0 || plan[m.ArcItem[arc]] == arc) && ModelPlan.IsValid(m, plan) && relaxation.NoneAbove(worth(plan)))
                {
                    if (best is null || worth(plan) > bestWorth)
                    {
                        (best, bestWorth) = (plan, worth(plan));
                    }
                }
                else
                {
                    lost = true; // an integral point the bound does not settle: not closed
                }

                Leave(node, relaxation);
                continue;
            }

            Push(new Node([.. node.Forced, fractional], node.Excluded, relaxation.CeilingWith(fractional), null, relaxation));
            Push(new Node(node.Forced, [.. node.Excluded, fractional], relaxation.Ceiling, null, relaxation));
        }

        return (best, !lost && (best is not null || floored));
    }

    /// <summary>The arc whose value is nearest one half (the first such), or -1 when every arc is 0 or 1.</summary>
    private static int Fractional(AssignmentModel m, double[] values)
    {
        var (arc, distance) = (-1, double.MaxValue);
        for (var a = 0; a < m.ArcCount; a++)
        {
            var v = values[a];
            if (v > Tolerance && v < 1 - Tolerance && Math.Abs(v - 0.5) < distance)
            {
                (arc, distance) = (a, Math.Abs(v - 0.5));
            }
        }

        return arc;
    }

    /// <summary>A node: the arcs held at 1 and kept off besides the priced one, its parent's ceiling, its relaxation once solved (the root's is given), and its parent's.</summary>
    private sealed record Node(int[] Forced, int[] Excluded, long Ceiling, LinearRelaxation? Relaxation, LinearRelaxation? Parent);
}
