using Matching.Model;

namespace Matching.Rules;

/// <summary>What every rule may consult for one run: the settings and the batch date.</summary>
internal sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, string> previous;

    public RuleContext(MatchingSettings settings, DateOnly batchDate, IReadOnlyDictionary<string, string>? previousCarers = null)
    {
        Settings = settings;
        BatchDate = batchDate;
        previous = previousCarers ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public MatchingSettings Settings { get; }

    public DateOnly BatchDate { get; }

    /// <summary>The carer proposed for this child in the previous run, if any.</summary>
    public string? PreviousCarerOf(string childId) => previous.TryGetValue(childId, out var c) ? c : null;

    /// <summary>Miles as the engine reports them: great-circle miles times the detour factor.</summary>
    public double TravelMiles(Location a, Location b) => a.MilesTo(b) * Settings.DetourFactor;
}

/// <summary>
/// One child considered with one carer, as part of a unit placed together (a whole <c>together</c> group,
/// or a single child of a <c>may_split</c> group).
/// </summary>
internal readonly struct PairFacts
{
    public PairFacts(RuleContext context, Child child, SiblingGroup group, int unitSize, Carer carer)
    {
        Context = context;
        Child = child;
        Group = group;
        UnitSize = unitSize;
        Carer = carer;
        ContactMiles = child.Contact is { } venue ? context.TravelMiles(carer.Location, venue) : double.NaN;
    }

    public RuleContext Context { get; }

    public Child Child { get; }

    public SiblingGroup Group { get; }

    /// <summary>Children placed together with this carer in this unit (1 for a child of a may-split group).</summary>
    public int UnitSize { get; }

    public Carer Carer { get; }

    /// <summary>Travel miles from the carer to the child's contact venue; NaN when the venue is not known.</summary>
    public double ContactMiles { get; }

    public DateOnly NeededOn => Child.NeededOn(Context.BatchDate);

    public int ChildAge => Child.AgeOn(NeededOn);
}
