using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace Matching.Generation;

/// <summary>A categorical distribution over items (weights need not sum to 1), drawing from a seeded source.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class Weighted<T>
{
    private readonly ImmutableArray<T> items;
    private readonly Categorical distribution;

    public Weighted(IEnumerable<(T Item, double Weight)> entries, Random random)
    {
        var list = entries.ToList();
        items = [.. list.Select(e => e.Item)];
        distribution = new Categorical([.. list.Select(e => e.Weight)], random);
    }

    public T Sample() => items[distribution.Sample()];
}
