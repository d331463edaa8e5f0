using Matching.Model;
using Matching.Rules;

namespace Matching.Core.Tests.Support;

/// <summary>Plain children, carers and pairs for rule tests: everything allowed unless a test says otherwise.</summary>
internal static class Build
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Location Cambridge = new(52.2053, 0.1218);

    /// <summary>About 21 miles due north of Cambridge.</summary>
    public static readonly Location North21 = new(52.2053 + (21.0 / 69.05), 0.1218);

    public static Child Child(string id = "C1", PlacementType type = PlacementType.Foster, int age = 6) => new()
    {
        Id = id,
        DateOfBirth = Today.AddYears(-age).AddDays(-10),
        PlacementType = type,
        Contact = Cambridge,
    };

    public static Carer Carer(string id = "K1", Approval approval = Approval.Foster | Approval.Adopter | Approval.Concurrent, int places = 3) => new()
    {
        Id = id,
        Location = Cambridge,
        Approval = approval,
        Places = places,
    };

    public static RuleContext Context(MatchingSettings? settings = null, params (string Child, string Carer)[] previous) =>
        new(settings ?? MatchingSettings.Default, Today, previous.ToDictionary(p => p.Child, p => p.Carer, StringComparer.Ordinal));

    public static PairFacts Pair(Child child, Carer carer, RuleContext? context = null, int unitSize = 1) =>
        new(context ?? Context(), child, SiblingGroup.Form([child])[0], unitSize, carer);

    public static MatchingSettings With(string parameter, double? value) =>
        MatchingSettings.Default with { Parameters = MatchingSettings.Default.Parameters.SetItem(parameter, value) };

    public static MatchingProblem Problem(IEnumerable<Child> children, IEnumerable<Carer> carers, MatchingSettings? settings = null, IEnumerable<Pin>? pins = null) => new()
    {
        Children = [.. children],
        Carers = [.. carers],
        Pins = [.. pins ?? []],
        BatchDate = Today,
        Settings = settings ?? MatchingSettings.Default,
    };
}
