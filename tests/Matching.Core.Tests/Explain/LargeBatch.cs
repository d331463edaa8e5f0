using Matching.Model;

namespace Matching.Core.Tests.Explain;

/// <summary>
/// A weekly-sized batch of single fostering placements around Cambridge: every component is a min-cost flow, so it
/// measures the residual-graph shortlists at the scale the issue asks for.
/// </summary>
internal static class LargeBatch
{
    public static MatchingProblem Create(int children, int carers, int seed)
    {
        var rng = new Random(seed);
        var date = new DateOnly(2026, 11, 23);
        return new MatchingProblem
        {
            BatchDate = date,
            Carers = [.. Enumerable.Range(0, carers).Select(i => new Carer
            {
                Id = $"K{i:0000}",
                Location = Near(rng, 40),
                Approval = Approval.Foster,
                Places = rng.Next(1, 4),
                AgeMin = rng.Next(3) == 0 ? 5 : 0,
                AgeMax = rng.Next(3) == 0 ? 10 : 17,
                Ethnicities = [rng.Next(4) == 0 ? "BAFR" : "WBRI"],
                WeeklyCost = rng.Next(300, 1200),
            })],
            Children = [.. Enumerable.Range(0, children).Select(i => new Child
            {
                Id = $"C{i:0000}",
                DateOfBirth = date.AddDays(-rng.Next(100, 365 * 16)),
                PlacementType = PlacementType.Foster,
                Ethnicity = rng.Next(4) == 0 ? "BAFR" : "WBRI",
                Contact = Near(rng, 30),
                ContactPerWeek = rng.Next(4),
                Home = Near(rng, 30),
                EnteredCare = date.AddDays(-rng.Next(0, 600)),
            })],
        };
    }

    private static Location Near(Random rng, double miles)
    {
        var r = miles * Math.Sqrt(rng.NextDouble());
        var theta = rng.NextDouble() * 2 * Math.PI;
        return new Location(52.2 + (r * Math.Cos(theta) / 69.0), 0.12 + (r * Math.Sin(theta) / 42.3));
    }
}
