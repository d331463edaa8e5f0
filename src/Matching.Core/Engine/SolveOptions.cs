namespace Matching;

/// <summary>How to solve: seed, time limit, threads and explanation sizes.</summary>
public sealed record SolveOptions
{
    /// <summary>Default options.</summary>
    public static SolveOptions Default { get; } = new();

    /// <summary>Random seed for the solver; the same inputs and seed give the same plan.</summary>
    public int Seed { get; init; }

    /// <summary>Time limit for the whole solve. Deterministic work limits are derived from it.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Threads for candidates, components and shortlist re-solves in parallel (each solve is single-threaded); 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Candidate carers kept per child or group, best scores first. 0 (the default) keeps them all unless the batch
    /// is national in scale (children times carers over 5 million), when the best 200 are kept; a negative value
    /// always keeps all. When any candidate is dropped the plan cannot be proved optimal: the status says
    /// <see cref="SolveStatus.Feasible"/> and <see cref="SolveStatistics.CandidatesPruned"/> is true.
    /// </summary>
    public int MaxCandidatesPerUnit { get; init; }

    /// <summary>Carers per child or group in the shortlist.</summary>
    public int ShortlistSize { get; init; } = 5;

    /// <summary>
    /// Price every shortlist entry exactly, even where a price needs a search: in a large group of children and
    /// carers whose linear relaxation stays fractional after the branchings that prove most prices (households
    /// taking several children of different needs), a search takes half a second or more per carer. Off by default:
    /// such an entry then carries the cost of the best plan found with that carer and says it is not proved. None
    /// does in the 32 generated regional weeks measured (fostering, mixed and adoption): there every entry is exact
    /// either way.
    /// </summary>
    public bool ExactShortlists { get; init; }

    /// <summary>Compute shortlists and the reasons for unmatched children (off for raw speed).</summary>
    public bool Explain { get; init; } = true;

    /// <summary>Back end for coupled components; tests force each one to check them all against brute force.</summary>
    internal Solving.Backend Backend { get; init; } = Solving.Backend.Auto;
}
