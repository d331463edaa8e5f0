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
    /// <returns>The best plan found with the arc (null when none was), and whether it is proved the best.</returns>
    public static (int[]? Plan, bool Proved) Solve(
        AssignmentModel m, WarmRelaxation lp, int arc, LinearRelaxation root, int[]? known, Func<int[], long> worth, int budget, TimeSpan limit, CancellationToken cancellationToken)
    {
        var best = known;
        var bestWorth = known is null ? long.MinValue : worth(known);
        var lost = false;

        // Best bound first; among equal bounds the node made first (the order is the same on every run).
        var open = new PriorityQueue<Node, (long, long)>();
        var made = 0L;
        void Push(Node node) => open.Enqueue(node, (-node.Ceiling, made++));

        Push(new Node([], [], root.Ceiling, root));
        var solved = 0;
        while (open.TryDequeue(out var node, out _))
        {
            if (best is not null && node.Ceiling <= bestWorth)
            {
                continue; // closed by its parent's bound: nothing in it beats the best plan
            }

            var relaxation = node.Relaxation;
            if (relaxation is null)
            {
                if (solved == budget)
                {
                    return (best, false);
                }

                solved++;
                relaxation = CutRounds.Run(m, lp, () => lp.Solve(arc, node.Forced, node.Excluded, limit, cancellationToken), rounds: NodeCutRounds);
                if (relaxation is null)
                {
                    // No relaxation: none may exist (the rules rule the node out), or GLOP failed; either way the
                    // node is not proved empty, so nothing found after it is proved.
                    lost = true;
                    continue;
                }
            }

            if (best is not null && relaxation.NoneAbove(bestWorth))
            {
                continue;
            }

            var fractional = Fractional(m, relaxation.Values);
            if (fractional < 0)
            {
                var plan = LpCoreBackend.FromRelaxation(m, relaxation.Values);
                if (plan is not null && plan[m.ArcItem[arc]] == arc && ModelPlan.IsValid(m, plan) && relaxation.NoneAbove(worth(plan)))
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

                continue;
            }

            Push(new Node([.. node.Forced, fractional], node.Excluded, relaxation.CeilingWith(fractional), null));
            Push(new Node(node.Forced, [.. node.Excluded, fractional], relaxation.Ceiling, null));
        }

        return (best, !lost && best is not null);
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

    /// <summary>A node: the arcs held at 1 and kept off besides the priced one, its parent's ceiling, and its relaxation once solved (the root's is given).</summary>
    private sealed record Node(int[] Forced, int[] Excluded, long Ceiling, LinearRelaxation? Relaxation);
}
