namespace Matching.Solving;

/// <summary>
/// The leaves of a branching on a component's relaxation with no arc held: regions (arcs held at 1, arcs kept off)
/// that together hold every plan, each with a relaxation whose bound holds for every plan in it (its own, or its
/// parent's where it was not solved) and a ceiling on their worth. Built once per component, it bounds every arc at
/// once: a plan with the arc lies in some leaf, so it is worth no more than the greatest of the leaves' bounds with the
/// arc. Where the batch's relaxation is fractional, its gap is in every carer's bound; the leaves' bounds close it.
/// The leaves are also where a price's own branching starts (<see cref="WarmBranching"/>): most are ruled out by their
/// bounds with the arc without a solve. Immutable once built; read by every pricing job.
/// </summary>
/// <param name="Leaves">The leaves, in the order they were closed.</param>
/// <param name="Closed">True when every leaf is closed (its bound proves nothing in it beats the plan, or its relaxation is integral).</param>
internal sealed record BranchFrontier(IReadOnlyList<BranchFrontier.Leaf> Leaves, bool Closed)
{
    /// <summary>The ceiling on the worth of plans that use the arc, over every leaf (long.MinValue when no leaf allows it).</summary>
    /// <param name="m">The component.</param>
    /// <param name="arc">The arc.</param>
    /// <param name="with">A leaf's ceiling on its plans with the arc, from its relaxation (and whatever else bounds the region).</param>
    public long CeilingWith(AssignmentModel m, int arc, Func<Leaf, int, long> with)
    {
        var ceiling = long.MinValue;
        foreach (var leaf in Leaves)
        {
            if (leaf.Allows(m, arc))
            {
                ceiling = Math.Max(ceiling, leaf.CeilingWith(arc, with));
            }
        }

        return ceiling;
    }

    /// <summary>One leaf: its region, a ceiling on every plan in it, and a relaxation whose bound holds there.</summary>
    /// <param name="Forced">Arcs held at 1.</param>
    /// <param name="Excluded">Arcs kept off.</param>
    /// <param name="Ceiling">The largest whole worth of a plan in the region.</param>
    /// <param name="Relaxation">The region's own relaxation, or its parent's.</param>
    /// <param name="Own">True when the relaxation is the region's own (solved with its arcs held and kept off).</param>
    internal sealed record Leaf(int[] Forced, int[] Excluded, long Ceiling, LinearRelaxation Relaxation, bool Own)
    {
        /// <summary>False when the region rules the arc out: kept off, or another arc of its item held.</summary>
        public bool Allows(AssignmentModel m, int arc) =>
            !Excluded.Contains(arc) && !Forced.Any(f => f != arc && m.ArcItem[f] == m.ArcItem[arc]);

        /// <summary>The ceiling on plans in the region with the arc.</summary>
        public long CeilingWith(int arc, Func<Leaf, int, long> with) =>
            Forced.Contains(arc) ? Ceiling : Math.Min(Ceiling, with(this, arc));
    }
}
