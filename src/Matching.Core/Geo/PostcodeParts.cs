namespace Matching.Geo;

/// <summary>A syntactically valid UK postcode split into its parts, upper case.</summary>
/// <param name="Outward">The outward code (district), for example "CB1".</param>
/// <param name="SectorDigit">The first character of the inward code, when given.</param>
/// <param name="Unit">The last two letters of the inward code, when given (a full postcode).</param>
internal readonly record struct PostcodeParts(string Outward, char? SectorDigit, string? Unit)
{
    /// <summary>The sector ("CB1 2"), or null for a bare district.</summary>
    public string? Sector => SectorDigit is { } d ? Outward + " " + d : null;

    /// <summary>The canonical form: "CB1 2AB", "CB1 2" or "CB1".</summary>
    public string Normalized => Sector is { } s ? s + Unit : Outward;

    // Longest real form is "AA9A 9AA"; anything much longer is not a postcode, and a bound keeps parsing cheap.
    private const int MaxInputLength = 32;

    /// <summary>Parses a postcode in any case and spacing; false for anything that is not a postcode shape.</summary>
    public static bool TryParse(string? raw, out PostcodeParts parts)
    {
        parts = default;
        if (raw is null || raw.Length > MaxInputLength)
        {
            return false;
        }

        var tokens = raw.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (tokens.Length)
        {
            case 1:
                return TryParseToken(tokens[0], out parts);
            case 2 when IsOutward(tokens[0]):
                return TryParseInward(tokens[0], tokens[1], out parts);
            default:
                return false;
        }
    }

    // Without a space, a valid outward code is read as a district ("CB12" is district CB12, not sector "CB1 2"),
    // and a full postcode is recognised by its inward code (digit, letter, letter) at the end.
    private static bool TryParseToken(string token, out PostcodeParts parts)
    {
        parts = default;
        if (IsOutward(token))
        {
            parts = new PostcodeParts(token, null, null);
            return true;
        }

        if (token.Length >= 5 && IsOutward(token[..^3]))
        {
            return TryParseInward(token[..^3], token[^3..], out parts);
        }

        return false;
    }

    private static bool TryParseInward(string outward, string inward, out PostcodeParts parts)
    {
        parts = default;
        if (inward.Length == 1 && IsDigit(inward[0]))
        {
            parts = new PostcodeParts(outward, inward[0], null);
            return true;
        }

        if (inward.Length == 3 && IsDigit(inward[0]) && IsLetter(inward[1]) && IsLetter(inward[2]))
        {
            parts = new PostcodeParts(outward, inward[0], inward[1..]);
            return true;
        }

        return false;
    }

    // Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A; and NPT, Newport's pre-1984 district, still in the
    // ONS lookup as terminated postcodes (the gazetteer keeps every source row).
    private static bool IsOutward(string s)
    {
        if (s == "NPT")
        {
            return true;
        }

        if (s.Length is < 2 or > 4 || !IsLetter(s[0]))
        {
            return false;
        }

        var i = IsLetter(s[1]) ? 2 : 1;
        if (i >= s.Length || !IsDigit(s[i]))
        {
            return false;
        }

        var rest = s[(i + 1)..];
        return rest.Length == 0 || (rest.Length == 1 && (IsDigit(rest[0]) || IsLetter(rest[0])));
    }

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
