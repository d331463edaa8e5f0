using Matching.Geo;

namespace Matching.Generation;

/// <summary>
/// Makes realistic synthetic batches on real geography: children and carers in real postcode sectors, with
/// proportions from England's published children's social care statistics (see the figures' sources in the code).
/// The same options always give the same batch; nothing is read from or written to disk.
/// </summary>
public static class BatchGenerator
{
    /// <summary>The English regions <see cref="GeneratorOptions.Region"/> accepts by name (besides authorities and "England").</summary>
    public static IReadOnlyList<string> RegionNames => EnglishRegions.Names;

    /// <summary>Generates a batch.</summary>
    /// <param name="options">What to generate.</param>
    /// <returns>Children and carers in id order, with the postcodes their locations come from.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException">The region is not known.</exception>
    public static GeneratedBatch Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Children, nameof(options.Children));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Carers, nameof(options.Carers));

        var region = RegionSectors.Resolve(Gazetteer.Default, options.Region);
        var dice = new Dice(options.Seed);
        var places = new PlaceSampler(region, dice);
        var carerIds = Ids.Range("K", options.Carers);
        var children = new ChildSampler(options, dice, places, carerIds).Generate();
        var carers = new CarerSampler(options, dice, places).Generate(carerIds);
        return new GeneratedBatch(children, carers, options.BatchDate);
    }
}
