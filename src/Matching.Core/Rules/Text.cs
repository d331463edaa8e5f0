using System.Collections.Immutable;

namespace Matching.Rules;

/// <summary>Case-insensitive comparisons of free-text categories (religion, languages, need tags).</summary>
internal static class Text
{
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

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
