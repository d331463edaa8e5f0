using System.Globalization;

namespace Matching.Generation;

/// <summary>Zero-padded, sortable ids ("C00001").</summary>
internal static class Ids
{
    /// <summary>A numeric format wide enough for <paramref name="count"/> and at least <paramref name="minDigits"/> digits.</summary>
    public static string Format(int minDigits, int count) =>
        "D" + Math.Max(minDigits, count.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);

    /// <summary>The ids <paramref name="prefix"/>1 .. <paramref name="prefix"/><paramref name="count"/>, padded.</summary>
    public static IReadOnlyList<string> Range(string prefix, int count)
    {
        var format = Format(5, count);
        return [.. Enumerable.Range(1, count).Select(i => prefix + i.ToString(format, CultureInfo.InvariantCulture))];
    }
}
