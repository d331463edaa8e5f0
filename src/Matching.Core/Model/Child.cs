using System.Collections.Immutable;

namespace Matching.Model;

/// <summary>One child referred for a placement. Facts only: the rules decide what they mean.</summary>
public sealed record Child
{
    /// <summary>Unique pseudonymous id.</summary>
    public required string Id { get; init; }

    /// <summary>Children with the same value form one sibling group; null for a child alone.</summary>
    public string? SiblingGroup { get; init; }

    /// <summary>Whether the child's sibling group must stay together.</summary>
    public SiblingRule Siblings { get; init; } = SiblingRule.Together;

    /// <summary>Date of birth.</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>Sex, if known.</summary>
    public Sex Sex { get; init; } = Sex.Unknown;

    /// <summary>SSDA903 ETHNIC code, upper case, if known.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Religion, if known (compared case-insensitively).</summary>
    public string? Religion { get; init; }

    /// <summary>Languages the child speaks (compared case-insensitively).</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Need tags (open vocabulary, compared case-insensitively).</summary>
    public ImmutableArray<string> Needs { get; init; } = [];

    /// <summary>The placement the plan asks for.</summary>
    public required PlacementType PlacementType { get; init; }

    /// <summary>Where contact (family time) happens, if known.</summary>
    public Location? Contact { get; init; }

    /// <summary>Contact sessions per week.</summary>
    public double ContactPerWeek { get; init; }

    /// <summary>The birth family home (used for "near home"; never printed).</summary>
    public Location? Home { get; init; }

    /// <summary>The child's current school (never printed).</summary>
    public Location? School { get; init; }

    /// <summary>Places the carer must be kept away from.</summary>
    public ImmutableArray<AvoidZone> Avoid { get; init; } = [];

    /// <summary>Date the child entered care, if known.</summary>
    public DateOnly? EnteredCare { get; init; }

    /// <summary>Date the placement is needed by; the batch date when null.</summary>
    public DateOnly? NeededBy { get; init; }

    /// <summary>Carer ids that must never be used for this child.</summary>
    public ImmutableArray<string> ExcludedCarers { get; init; } = [];

    /// <summary>The date the placement is needed, given the batch date.</summary>
    public DateOnly NeededOn(DateOnly batchDate) => NeededBy ?? batchDate;

    /// <summary>Age in completed years on <paramref name="date"/>, as people say it.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        if (date.Month < DateOfBirth.Month || (date.Month == DateOfBirth.Month && date.Day < DateOfBirth.Day))
        {
            age--;
        }

        return Math.Max(0, age);
    }
}
