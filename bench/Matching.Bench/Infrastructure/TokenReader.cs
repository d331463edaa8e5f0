using System.Globalization;

namespace Matching.Bench.Infrastructure;

/// <summary>Reads a file of whitespace-separated integers as one token stream (line breaks carry no meaning).</summary>
internal sealed class TokenReader
{
    private readonly string path;
    private readonly string[] tokens;
    private int next;

    public TokenReader(string path)
    {
        this.path = path;
        tokens = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    public bool AtEnd => next >= tokens.Length;

    public int Remaining => tokens.Length - next;

    public int NextInt()
    {
        if (next >= tokens.Length)
        {
            throw new FormatException($"{path}: ended early after {tokens.Length} numbers");
        }

        var token = tokens[next];
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"{path}: number {next + 1} is '{token}', not an integer");
        }

        next++;
        return value;
    }

    public int[] NextInts(int count)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = NextInt();
        }

        return values;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new FormatException($"{path}: {Remaining} numbers left over after the last instance");
        }
    }
}
