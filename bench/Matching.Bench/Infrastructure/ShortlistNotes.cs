
namespace Matching.Bench.Infrastructure;

/// <summary>
/// How many shortlist entries of a result are not exact, read from the notes the engine writes on them
/// (<c>ShortlistBuilder.Entries</c>): the one place the benchmarks match those notes.
/// </summary>
internal static class ShortlistNotes
{
    /// <summary>Entries whose cost is the best plan found, not proved the cheapest.</summary>
    public static int NotProved(MatchingResult result) => Count(result, "not ruled out");

    /// <summary>Entries in a ranking that did not price every carer that could enter it.</summary>
    public static int CutShort(MatchingResult result) => Count(result, "not every eligible carer");

    /// <summary>Entries whose cost is estimated from the pair's own score (a component too large to re-solve).</summary>
    public static int Estimated(MatchingResult result) => Count(result, "estimated");

    private static int Count(MatchingResult result, string text) => result.Shortlists.Count(e => e.Notes.Contains(text, StringComparison.Ordinal));
}
