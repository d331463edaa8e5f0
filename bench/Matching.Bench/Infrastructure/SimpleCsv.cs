namespace Matching.Bench.Infrastructure;

/// <summary>Reads the small comma-separated tables shipped with the bench data (no quoting in them), header skipped.</summary>
internal static class SimpleCsv
{
    public static IEnumerable<(int Row, string[] Fields)> Rows(string path, int minColumns)
    {
        var row = 0;
        foreach (var line in File.ReadLines(path))
        {
            row++;
            if (row == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < minColumns)
            {
                throw new FormatException($"{path}:{row}: expected at least {minColumns} columns, found {fields.Length}");
            }

            yield return (row, fields);
        }
    }
}
