namespace Matching.Solving;

/// <summary>
/// Rounds of cutting: solve a relaxation, add the <see cref="HalfCuts"/> and <see cref="ConflictCuts"/> its point
/// violates, solve again, until the point is integral, no cut is found or the rounds run out. Every cut holds for every
/// plan of the model, so the formulation returned serves every later relaxation of the same model, with pins or
/// exclusions or not, and its bounds only get tighter. On the generated fostering week (one component of 10,551
/// pairs) five rounds take the relaxation from 17 fractional pairs to an integral plan.
/// </summary>
internal static class CutRounds
{
    /// <summary>Rounds tried before giving up on a fractional point.</summary>
    public const int Rounds = 12;

    /// <summary>
    /// The relaxation after the rounds (null when the solver gives none) and the formulation it was solved on.
    /// </summary>
    /// <param name="m">The model the formulation is of.</param>
    /// <param name="formulation">The starting formulation.</param>
    /// <param name="solve">Solves a relaxation of a formulation (whole, or by columns with a pin or exclusions).</param>
    /// <param name="rounds">Most rounds of cuts.</param>
    public static (MipFormulation Formulation, LinearRelaxation? Relaxation) Run(AssignmentModel m, MipFormulation formulation, Func<MipFormulation, LinearRelaxation?> solve, int rounds = Rounds)
    {
        var relaxation = solve(formulation);
        for (var round = 0; round < rounds && relaxation is not null; round++)
        {
            var cuts = Separate(m, formulation, relaxation.Values);
            if (cuts.Length == 0)
            {
                break;
            }

            var strengthened = formulation.WithRows(cuts);
            if (solve(strengthened) is not { } next)
            {
                break;
            }

            (formulation, relaxation) = (strengthened, next);
        }

        return (formulation, relaxation);
    }

    /// <summary>The same rounds on a warm model: the cuts stay in it for the relaxations after.</summary>
    public static LinearRelaxation? Run(AssignmentModel m, WarmRelaxation lp, Func<LinearRelaxation?> solve, int rounds = Rounds)
    {
        var relaxation = solve();
        for (var round = 0; round < rounds && relaxation is not null; round++)
        {
            var cuts = Separate(m, lp.Formulation, relaxation.Values);
            if (cuts.Length == 0)
            {
                break;
            }

            // The cuts stay in the model either way; a relaxation solved without them would not match its rows.
            lp.AddRows(cuts);
            relaxation = solve();
        }

        return relaxation;
    }

    /// <summary>The cuts a relaxation's point violates: zero-half cuts, then the conflicts at bins.</summary>
    public static MipFormulation.Row[] Separate(AssignmentModel m, MipFormulation formulation, IReadOnlyList<double> values) =>
        [.. HalfCuts.Separate(formulation, values), .. ConflictCuts.Separate(m, formulation, values)];
}
