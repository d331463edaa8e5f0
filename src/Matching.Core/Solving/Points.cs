namespace Matching.Solving;

/// <summary>Scores are kept as whole milli-points so that the solver, the scorer and the outputs agree exactly.</summary>
internal static class Points
{
    public const long Scale = 1000;

    /// <summary>Milli-points of a signed impact: weight times match weight, rounded half away from zero.</summary>
    public static long ToMilli(double points) => checked((long)Math.Round(points * Scale, MidpointRounding.AwayFromZero));

    public static decimal FromMilli(long milli) => milli / (decimal)Scale;
}
