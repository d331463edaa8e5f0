namespace Matching.Model;

/// <summary>The kind of placement a child's plan asks for.</summary>
public enum PlacementType
{
    /// <summary>Concurrent planning: the carer is dually approved as foster carer and adopter.</summary>
    Concurrent,

    /// <summary>Fostering for adoption.</summary>
    Ffa,

    /// <summary>Adoption.</summary>
    Adoption,

    /// <summary>Fostering.</summary>
    Foster,
}

/// <summary>Whether a sibling group must be placed together.</summary>
public enum SiblingRule
{
    /// <summary>The group is placed with one carer or not at all (the default).</summary>
    Together,

    /// <summary>A sibling assessment allows separate placements; every split is penalised.</summary>
    MaySplit,
}

/// <summary>A child's sex as recorded (SSDA903).</summary>
public enum Sex
{
    /// <summary>Not known or not recorded.</summary>
    Unknown,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Female.</summary>
    Female,
}

/// <summary>A carer household's terms of approval.</summary>
[Flags]
public enum Approval
{
    /// <summary>No approval recorded.</summary>
    None = 0,

    /// <summary>Approved foster carer.</summary>
    Foster = 1,

    /// <summary>Approved adopter.</summary>
    Adopter = 2,

    /// <summary>Dual approval as foster carer and adopter (concurrent planning).</summary>
    Concurrent = 4,
}

/// <summary>Who provides the carer household.</summary>
public enum Agency
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>The placing authority's own carers.</summary>
    InHouse,

    /// <summary>An independent fostering agency.</summary>
    Ifa,

    /// <summary>A voluntary adoption agency.</summary>
    Vaa,
}
