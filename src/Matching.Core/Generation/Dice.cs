using MathNet.Numerics.Distributions;

namespace Matching.Generation;

/// <summary>The one seeded source of randomness of a generation run, with the few draws the generator needs.</summary>
internal sealed class Dice(int seed)
{
    public Random Random { get; } = new(seed);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => DiscreteUniform.Sample(Random, min, max);

    /// <summary>A gamma-distributed whole number of days with the given mean and shape, at least 0.</summary>
    public int Days(double mean, double shape) => (int)Math.Round(Gamma.Sample(Random, shape, shape / mean));

    /// <summary>One item, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>A categorical distribution over <paramref name="entries"/> drawing from this source.</summary>
    public Weighted<T> Table<T>(IEnumerable<(T Item, double Weight)> entries) => new(entries, Random);
}
