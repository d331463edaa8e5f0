using FsCheck.Xunit;
using Matching.Core.Tests.Solving;
using Matching.Core.Tests.Support;
using Matching.Model;

namespace Matching.Core.Tests.Explain;

/// <summary>Reasons for unmatched children: exact cascades, who took the carers, what it would take.</summary>
public sealed class UnmatchedExplainerTests
{
    private static readonly DateOnly Date = new(2026, 11, 23);
    private static readonly Location Venue = new(52.2, 0.12);

    [Fact]
    public void Explain_CarerJustBeyondTheContactLimit_NamesTheLimitThatWouldDoAndTheCarer()
    {
        // About 23.4 miles north of the venue; the concurrent limit is 20.
        var far = new Carer { Id = "K0042", Location = new Location(52.2 + (23.4 / 69.05), 0.12), Approval = Approval.Concurrent, Places = 1 };
        var wrongType = new Carer { Id = "K0001", Location = Venue, Approval = Approval.Foster, Places = 1 };
        var result = Solve([Child("C1", PlacementType.Concurrent)], [far, wrongType]);

        var u = Assert.Single(result.Unmatched);
        Assert.Equal(0, u.EligibleCarers);
        Assert.Equal(2, u.Blocking.Sum(b => b.CarersExcluded));
        Assert.Equal(["approval", "contact_distance"], u.Blocking.Select(b => b.RuleId).Order());
        Assert.Contains(u.WhatItWouldTake, w => w.StartsWith("a contact travel limit of 24 miles instead of 20: K0042 is 23.", StringComparison.Ordinal));
        Assert.Contains(u.WhatItWouldTake, w => w.StartsWith("approval of K0001 as a concurrent carer", StringComparison.Ordinal));
        Assert.StartsWith("recruit: a household approved as a concurrent carer", u.WhatItWouldTake[^1], StringComparison.Ordinal);
        Assert.StartsWith("No carer meets every hard rule for this child: of 2 carers, ", u.Reason, StringComparison.Ordinal);
        Assert.Contains("the smallest change that would help", u.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnlyCarerTakenByAnotherChild_SaysWhoAndWhatPlacingWouldCostAndOneMorePlace()
    {
        var carer = new Carer { Id = "K0107", Location = Venue, Approval = Approval.Foster, Places = 1 };
        var waitedLonger = Child("C1", PlacementType.Foster) with { EnteredCare = Date.AddDays(-400) };
        var result = Solve([waitedLonger, Child("C2", PlacementType.Foster) with { EnteredCare = Date.AddDays(-10) }], [carer]);

        Assert.Equal("C1", Assert.Single(result.Proposals).ChildId);
        var u = Assert.Single(result.Unmatched);
        Assert.Equal("C2", u.ChildId);
        Assert.Equal(1, u.EligibleCarers);
        Assert.Equal(["K0107 (C1)"], u.TakenBy.ToArray());
        Assert.StartsWith("one more place at K0107", Assert.Single(u.WhatItWouldTake), StringComparison.Ordinal);
        Assert.Contains("but it is proposed for another child: K0107 (C1)", u.Reason, StringComparison.Ordinal);
        Assert.Contains("placing this child with K0107 would leave 1 other child unplaced and cost the batch", u.Reason, StringComparison.Ordinal);

        var cost = result.Shortlists.Single(s => s.ChildId == "C2").CostIfChosen;
        Assert.True(cost > 0);
        Assert.Contains(cost.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " points", u.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ChildTooYoungForEveryCarer_OffersTheNarrowestWiderApproval()
    {
        var carers = new[]
        {
            new Carer { Id = "K1", Location = Venue, Approval = Approval.Foster, Places = 1, AgeMin = 5, AgeMax = 10 },
            new Carer { Id = "K2", Location = Venue, Approval = Approval.Foster, Places = 1, AgeMin = 8, AgeMax = 12 },
        };
        var result = Solve([Child("C1", PlacementType.Foster) with { DateOfBirth = Date.AddYears(-3).AddDays(-10) }], carers);

        var u = Assert.Single(result.Unmatched);
        Assert.Equal([new RuleExclusion("age_range", 2)], u.Blocking.ToArray());
        Assert.StartsWith("an approval for ages 3–10 at K1 (now 5–10) (2 carers are held back by approved age range alone)", u.WhatItWouldTake[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnlyExcludedOrAvoidedCarers_NeverOffersToRelaxThem()
    {
        var carer = new Carer { Id = "K1", Location = Venue, Approval = Approval.Foster, Places = 1 };
        var child = Child("C1", PlacementType.Foster) with { ExcludedCarers = ["K1"] };
        var u = Assert.Single(Solve([child], [carer]).Unmatched);
        Assert.DoesNotContain(u.WhatItWouldTake, w => w.Contains("K1", StringComparison.Ordinal) && !w.StartsWith("no single change", StringComparison.Ordinal));
        Assert.StartsWith("no single change would do: every carer is ruled out by a safeguarding decision", u.WhatItWouldTake[0], StringComparison.Ordinal);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(EngineVersusBruteForceTests.Seeds)])]
    public void Explain_RandomBatch_CascadeAddsUpAndEligibleCarersAreAccountedFor(int seed)
    {
        var problem = RandomBatch.Create(seed);
        var result = new MatchingEngine().Solve(problem, new SolveOptions { Threads = 1 });
        if (result.Status != SolveStatus.Optimal)
        {
            return;
        }

        Assert.Equal(problem.Children.Length, result.ChildrenPlaced + result.Unmatched.Length);
        foreach (var u in result.Unmatched)
        {
            Assert.Equal(problem.Carers.Length - u.EligibleCarers, u.Blocking.Sum(b => b.CarersExcluded));
            Assert.All(u.Blocking, b => Assert.True(b.CarersExcluded > 0));
            Assert.False(string.IsNullOrWhiteSpace(u.Reason));
            if (u.EligibleCarers > 0)
            {
                // An optimal plan leaves a child out only when every eligible carer is in use.
                Assert.Equal(u.EligibleCarers, u.TakenBy.Length);
            }
            else
            {
                Assert.NotEmpty(u.WhatItWouldTake);
            }
        }
    }

    private static MatchingResult Solve(Child[] children, Carer[] carers) => new MatchingEngine().Solve(
        new MatchingProblem { Children = [.. children], Carers = [.. carers], BatchDate = Date },
        new SolveOptions { Threads = 1 });

    private static Child Child(string id, PlacementType type) => new()
    {
        Id = id,
        DateOfBirth = Date.AddYears(-6),
        PlacementType = type,
        Contact = Venue,
        ContactPerWeek = 1,
    };
}
