using Matching.Geo;

namespace Matching.Generation;

/// <summary>Draws real postcode sectors, weighted by how many postcodes they hold (a proxy for households).</summary>
internal sealed class PlaceSampler
{
    /// <summary>Share of carers living in the ring around the region rather than inside it (estimate: CLA 2024 has
    /// about 40% of children placed outside their authority, mostly nearby; carers of a region are mostly local).</summary>
    private const double RingShare = 0.2;

    private readonly Dice dice;
    private readonly Weighted<PostcodeArea> inside;
    private readonly Weighted<PostcodeArea>? ring;
    private readonly NearbySectors nearby;

    public PlaceSampler(RegionSectors region, Dice dice)
    {
        this.dice = dice;
        inside = dice.Table(region.Inside.Select(s => (s, (double)s.Postcodes)));
        ring = region.Ring.IsEmpty ? null : dice.Table(region.Ring.Select(s => (s, (double)s.Postcodes)));
        nearby = new NearbySectors(region.Inside.Concat(region.Ring));
    }

    /// <summary>A family home inside the region.</summary>
    public PostcodeArea Home() => inside.Sample();

    /// <summary>A carer household: mostly inside the region, some in the ring around it.</summary>
    public PostcodeArea CarerHome() => ring is not null && dice.Chance(RingShare) ? ring.Sample() : inside.Sample();

    /// <summary>A sector from <paramref name="minMiles"/> to <paramref name="maxMiles"/> from <paramref name="origin"/>,
    /// weighted by size; the origin itself when there is none (a remote sector).</summary>
    public PostcodeArea Near(PostcodeArea origin, double minMiles, double maxMiles)
    {
        var candidates = nearby.Within(origin.Centroid, maxMiles)
            .Where(s => GreatCircle.Miles(origin.Centroid, s.Centroid) >= minMiles)
            .ToList();
        if (candidates.Count == 0)
        {
            return origin;
        }

        var total = candidates.Sum(s => (double)s.Postcodes);
        var target = dice.Random.NextDouble() * total;
        foreach (var candidate in candidates)
        {
            target -= candidate.Postcodes;
            if (target < 0)
            {
                return candidate;
            }
        }

        return candidates[^1];
    }
}
