using System.Collections.Immutable;

namespace Matching.Rules;

/// <summary>Case-insensitive comparisons of free-text categories (religion, languages, need tags).</summary>
internal static class Text
{
    // Spans, not Trim(): this runs for every candidate pair, and must not allocate.
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && a.AsSpan().Trim().Equals(b.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool Contains(ImmutableArray<string> list, string value)
    {
        foreach (var item in list)
        {
            if (Same(item, value))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Intersects(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        foreach (var item in a)
        {
            if (Contains(b, item))
            {
                return true;
            }
        }

        return false;
    }
}
