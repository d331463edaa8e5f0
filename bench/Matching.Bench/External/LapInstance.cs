using Matching.Bench.Infrastructure;

namespace Matching.Bench.External;

/// <summary>
/// One linear assignment instance (OR-Library assign*): n rows and n columns, minimise the total cost of a
/// perfect matching over the allowed arcs (all arcs for dense files, the listed ones for sparse files).
/// Arcs are sorted by row then column.
/// </summary>
internal sealed record LapInstance(string Name, int Size, int[] ArcRow, int[] ArcColumn, int[] ArcCost)
{
    public int ArcCount => ArcRow.Length;

    /// <summary>Reads a dense (n then n*n costs) or sparse (n then 1-based i j c triples) OR-Library file.</summary>
    public static LapInstance Read(string path, bool sparse)
    {
        var reader = new TokenReader(path);
        var n = reader.NextInt();
        if (n <= 0 || n > 100_000)
        {
            throw new FormatException($"{path}: implausible size {n}");
        }

        var arcs = new List<(int Row, int Column, int Cost)>();
        if (sparse)
        {
            if (reader.Remaining % 3 != 0)
            {
                throw new FormatException($"{path}: {reader.Remaining} numbers after the size is not a whole number of i j c triples");
            }

            while (!reader.AtEnd)
            {
                var i = reader.NextInt() - 1;
                var j = reader.NextInt() - 1;
                var c = reader.NextInt();
                if (i < 0 || i >= n || j < 0 || j >= n)
                {
                    throw new FormatException($"{path}: arc ({i + 1}, {j + 1}) is outside 1..{n}");
                }

                arcs.Add((i, j, c));
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    arcs.Add((i, j, reader.NextInt()));
                }
            }

            reader.ExpectEnd();
        }

        arcs.Sort();
        return new LapInstance(
            Path.GetFileNameWithoutExtension(path), n,
            [.. arcs.Select(a => a.Row)], [.. arcs.Select(a => a.Column)], [.. arcs.Select(a => a.Cost)]);
    }
}
