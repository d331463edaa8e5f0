using System.Collections.Immutable;

namespace Matching.Bench.Baselines;

/// <summary>A plan from any method: the carer of each placed child, by child id.</summary>
/// <param name="Method">Who made it (engine, greedy, naive CP-SAT).</param>
/// <param name="CarerOf">Carer id by child id, placed children only.</param>
/// <param name="ProvedOptimal">True when the method proved the plan optimal.</param>
internal sealed record Plan(string Method, ImmutableSortedDictionary<string, string> CarerOf, bool ProvedOptimal)
{
    public static Plan From(string method, IEnumerable<KeyValuePair<string, string>> pairs, bool proved) =>
        new(method, pairs.ToImmutableSortedDictionary(StringComparer.Ordinal, StringComparer.Ordinal), proved);
}
