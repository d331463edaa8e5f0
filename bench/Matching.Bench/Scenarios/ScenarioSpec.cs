using System.Collections.Immutable;
using Matching.Generation;
using Matching.Model;
using Matching.Rules;

namespace Matching.Bench.Scenarios;

/// <summary>A benchmark scenario: a seeded synthetic batch of a realistic shape, with its targets.</summary>
/// <param name="Name">S, M, MF, L, XL or XXL.</param>
/// <param name="Title">Who runs a batch like this.</param>
/// <param name="Children">Children referred.</param>
/// <param name="Carers">Carer households.</param>
/// <param name="Kind">Adoption, fostering or mixed.</param>
/// <param name="Region">Where the children live (null: all of England).</param>
/// <param name="FosterMiles">Contact-travel limit for fostering placements, or null for none.</param>
/// <param name="TargetSeconds">The solve-time target on this machine, or null.</param>
/// <param name="TargetOptimal">True when the target asks for proven optimality.</param>
/// <param name="Seed">The seed BenchmarkDotNet and report mode use unless told another.</param>
/// <param name="Date">The batch date, where it is not <see cref="BatchDate"/>.</param>
internal sealed record ScenarioSpec(
    string Name, string Title, int Children, int Carers, BatchKind Kind, string? Region, double? FosterMiles,
    double? TargetSeconds, bool TargetOptimal, int Seed = 1, DateOnly? Date = null)
{
    /// <summary>The batch date of every scenario but those that name their own (fixed: the same seed gives the same batch).</summary>
    public static readonly DateOnly BatchDate = new(2026, 1, 5);

    /// <summary>
    /// The date of the generated weeks (<see cref="Week"/>, and so MF8 and MF10), as the weeks measured in
    /// bench/results/analysis.md. Before the scenarios: static fields are set in the order they are written.
    /// </summary>
    public static readonly DateOnly WeekDate = new(2026, 11, 23);

    /// <summary>This scenario's batch date.</summary>
    public DateOnly Day => Date ?? BatchDate;

    public static ScenarioSpec S { get; } = new("S", "weekly local-authority batch", 20, 300, BatchKind.Mixed, "Lancashire", null, null, false);

    public static ScenarioSpec M { get; } = new("M", "regional adoption agency", 100, 500, BatchKind.Adoption, "North West", null, 0.2, true);

    public static ScenarioSpec MF { get; } = new("MF", "regional fostering week", 100, 500, BatchKind.Fostering, "North West", null, null, false);

    /// <summary>
    /// A fostering week whose relaxation the cuts leave fractional (households taking several children of different
    /// loads): the hardest shortlists of the generated weeks measured, priced from the branching of the component.
    /// The batch of `matching generate --children 100 --carers 500 --seed 8 --kind fostering --region "North West"
    /// --as-of 2026-11-23`.
    /// </summary>
    public static ScenarioSpec MF8 { get; } = Week(BatchKind.Fostering, 8) with { Name = "MF8", Title = "regional fostering week, relaxation fractional" };

    /// <summary>
    /// The fostering week whose shortlists take longest of the 30 generated weeks in bench/results/weeks.md: two
    /// sibling groups of five that may split, one child of them needing 44 solves to rank every carer, and one price
    /// that needs 42-102 branching nodes (depending on what its job's model has learnt before it). FW10: the batch of
    /// `matching generate --children 100 --carers 500 --seed 10 --kind fostering --region "North West" --as-of
    /// 2026-11-23`.
    /// </summary>
    public static ScenarioSpec MF10 { get; } = Week(BatchKind.Fostering, 10) with { Name = "MF10", Title = "regional fostering week, longest shortlists" };

    public static ScenarioSpec L { get; } = new("L", "national adoption", 3_000, 2_500, BatchKind.Adoption, null, null, 5, true);

    public static ScenarioSpec XL { get; } = new("XL", "national fostering", 5_000, 42_600, BatchKind.Fostering, null, 50, 20, false);

    public static ScenarioSpec XXL { get; } = new("XXL", "stress", 20_000, 60_000, BatchKind.Fostering, null, 50, 60, false);

    public static ImmutableArray<ScenarioSpec> All { get; } = [S, M, MF, MF8, MF10, L, XL, XXL];

    /// <summary>
    /// One generated regional week: the batch of `matching generate --children 100 --carers 500 --seed SEED --kind
    /// KIND --region "North West" --as-of 2026-11-23`, named FW<i>seed</i> (fostering), XW<i>seed</i> (mixed) or
    /// AW<i>seed</i> (adoption). MF8 and MF10 are FW8 and FW10.
    /// </summary>
    public static ScenarioSpec Week(BatchKind kind, int seed) =>
        new($"{Prefix(kind)}{seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"generated {kind.ToString().ToLowerInvariant()} week", 100, 500, kind, "North West", null, null, false, seed, WeekDate);

    /// <summary>A scenario of <see cref="All"/> by name, or a generated week (<see cref="Week"/>) by its name.</summary>
    public static ScenarioSpec ByName(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? WeekNamed(name)
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}, or a generated week FW<seed>, XW<seed>, AW<seed>", nameof(name));

    private static string Prefix(BatchKind kind) => kind switch
    {
        BatchKind.Fostering => "FW",
        BatchKind.Mixed => "XW",
        _ => "AW",
    };

    private static ScenarioSpec? WeekNamed(string name)
    {
        foreach (var kind in (BatchKind[])[BatchKind.Fostering, BatchKind.Mixed, BatchKind.Adoption])
        {
            var prefix = Prefix(kind);
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed) && seed > 0)
            {
                return Week(kind, seed);
            }
        }

        return null;
    }

    /// <summary>The scenario names in MATCHING_BENCH_SCENARIOS (comma-separated), else <paramref name="fallback"/>.</summary>
    public static IEnumerable<string> FromEnvironment(IEnumerable<string> fallback)
    {
        var list = Environment.GetEnvironmentVariable("MATCHING_BENCH_SCENARIOS");
        return string.IsNullOrWhiteSpace(list)
            ? fallback
            : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => ByName(n).Name)];
    }

    public GeneratorOptions Options(int seed) => new()
    {
        Children = Children,
        Carers = Carers,
        Seed = seed,
        BatchDate = Day,
        Kind = Kind,
        Region = Region,
    };

    public MatchingSettings Settings()
    {
        var settings = MatchingSettings.Default;
        return FosterMiles is { } miles
            ? settings with { Parameters = settings.Parameters.SetItem("contact_distance.foster_miles", miles) }
            : settings;
    }

    /// <summary>The batch as a problem, generated in memory (no files).</summary>
    public MatchingProblem Problem(int seed)
    {
        var batch = BatchGenerator.Generate(Options(seed));
        return new MatchingProblem
        {
            Children = [.. batch.Children.Select(c => c.Child)],
            Carers = [.. batch.Carers.Select(c => c.Carer)],
            BatchDate = batch.BatchDate,
            Settings = Settings(),
        };
    }

    public string Size => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Children:N0} x {Carers:N0}");
}
