namespace Matching.Bench.External;

/// <summary>The headline of one GAP set run: how many instances met the criterion.</summary>
internal sealed record GapSummary(string Set, int Instances, int Hits, string Criterion, int Expected, double LimitSeconds, double MaxSeconds)
{
    /// <summary>Provenance worth repeating in the headline (for example an older engine), or null.</summary>
    public string? Note { get; init; }
}
