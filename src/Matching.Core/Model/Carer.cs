using System.Collections.Immutable;

namespace Matching.Model;

/// <summary>One carer household and its terms of approval. Facts only.</summary>
public sealed record Carer
{
    /// <summary>Unique pseudonymous id.</summary>
    public required string Id { get; init; }

    /// <summary>Household location (a postcode centroid or coordinates; never printed).</summary>
    public required Location Location { get; init; }

    /// <summary>Terms of approval.</summary>
    public required Approval Approval { get; init; }

    /// <summary>Approved number of children.</summary>
    public required int Places { get; init; }

    /// <summary>Children currently placed.</summary>
    public int Placed { get; init; }

    /// <summary>Youngest approved age in completed years.</summary>
    public int AgeMin { get; init; }

    /// <summary>Oldest approved age in completed years.</summary>
    public int AgeMax { get; init; } = 17;

    /// <summary>Sexes the approval or preference allows; empty means any.</summary>
    public ImmutableArray<Sex> Sexes { get; init; } = [];

    /// <summary>Largest sibling group the household will take; <see cref="Places"/> when null.</summary>
    public int? MaxGroup { get; init; }

    /// <summary>SSDA903 ethnicity codes of the household.</summary>
    public ImmutableArray<string> Ethnicities { get; init; } = [];

    /// <summary>Religion, if known.</summary>
    public string? Religion { get; init; }

    /// <summary>Languages spoken in the household.</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Need tags the household is approved and able to meet.</summary>
    public ImmutableArray<string> CanMeet { get; init; } = [];

    /// <summary>Anyone in the household smokes or vapes.</summary>
    public bool Smoker { get; init; }

    /// <summary>First date the household can take a placement.</summary>
    public DateOnly? AvailableFrom { get; init; }

    /// <summary>Last date the household can take a placement.</summary>
    public DateOnly? AvailableUntil { get; init; }

    /// <summary>Who provides the household.</summary>
    public Agency Agency { get; init; } = Agency.Unknown;

    /// <summary>Cost to the placing authority per week, in pounds.</summary>
    public decimal? WeeklyCost { get; init; }

    /// <summary>Places still free: <see cref="Places"/> minus <see cref="Placed"/>, never negative.</summary>
    public int FreePlaces => Math.Max(0, Places - Placed);

    /// <summary>The largest sibling group the household will take.</summary>
    public int EffectiveMaxGroup => MaxGroup ?? Places;
}
