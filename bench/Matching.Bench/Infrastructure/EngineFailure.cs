namespace Matching.Bench.Infrastructure;

/// <summary>An engine failure a benchmark reports as a result rather than dying of it.</summary>
internal static class EngineFailure
{
    public static bool Is(Exception ex) => ex is AggregateException or OverflowException or InvalidOperationException;

    /// <summary>The exception that actually failed (the first inner one of a parallel failure).</summary>
    public static Exception Root(Exception ex) => ex is AggregateException agg && agg.InnerExceptions.Count > 0 ? agg.InnerExceptions[0] : ex;
}
