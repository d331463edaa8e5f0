using System.Globalization;
using Matching.Bench.Infrastructure;

namespace Matching.Bench.External;

/// <summary>A known optimum, or the best known interval, of one benchmark instance in one sense.</summary>
/// <param name="Instance">Instance name.</param>
/// <param name="Maximise">True for the Max sense.</param>
/// <param name="LowerBound">Proved lower bound (Min) or best known value (Max).</param>
/// <param name="UpperBound">Best known value (Min) or proved upper bound (Max).</param>
/// <param name="Optimal">True when the bounds meet.</param>
internal sealed record KnownValue(string Instance, bool Maximise, long LowerBound, long UpperBound, bool Optimal)
{
    /// <summary>The best known solution value: the upper bound for Min, the lower bound for Max.</summary>
    public long BestKnown => Maximise ? LowerBound : UpperBound;

    /// <summary>Reads gap/known_values.csv (instance,sense,m,n,lower_bound,upper_bound,status,...).</summary>
    public static IReadOnlyDictionary<(string Instance, bool Maximise), KnownValue> ReadGap(string path)
    {
        var result = new Dictionary<(string, bool), KnownValue>();
        foreach (var (row, f) in SimpleCsv.Rows(path, 7))
        {
            var max = f[1] switch
            {
                "Max" => true,
                "Min" => false,
                _ => throw new FormatException($"{path}:{row}:sense: '{f[1]}' is neither Min nor Max"),
            };
            var value = new KnownValue(
                f[0], max,
                long.Parse(f[4], NumberStyles.Integer, CultureInfo.InvariantCulture),
                long.Parse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture),
                string.Equals(f[6], "optimal", StringComparison.Ordinal));
            result[(value.Instance, max)] = value;
        }

        return result;
    }
}
