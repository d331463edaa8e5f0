namespace Matching.Generation;

/// <summary>What to generate. The same options always give the same batch.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of children (at least 0).</summary>
    public required int Children { get; init; }

    /// <summary>Number of carer households (at least 0).</summary>
    public required int Carers { get; init; }

    /// <summary>Seed of the pseudo-random sequence.</summary>
    public int Seed { get; init; }

    /// <summary>The batch date: ages, waiting times and availability are set relative to it.</summary>
    public required DateOnly BatchDate { get; init; }

    /// <summary>The kind of batch.</summary>
    public BatchKind Kind { get; init; } = BatchKind.Mixed;

    /// <summary>
    /// Where the children live: a children's services authority's GSS code ("E10000017") or name ("Lancashire"),
    /// an English region ("North West", "London"...), or null (or "England") for all of England. Any case.
    /// </summary>
    public string? Region { get; init; }
}
