namespace Matching.Bench.Scenarios;

/// <summary>One measured engine run on one scenario batch (written to results/raw as JSON, read by the summary).</summary>
internal sealed record ScenarioMeasurement
{
    public required string Scenario { get; init; }

    public required int Seed { get; init; }

    public required int Children { get; init; }

    public required int Carers { get; init; }

    /// <summary>Sibling groups (a child alone counts one).</summary>
    public int Groups { get; init; }

    /// <summary>Groups of two or more children.</summary>
    public int SiblingGroups { get; init; }

    /// <summary>Sibling groups whose assessment allows a split.</summary>
    public int MaySplitGroups { get; init; }

    /// <summary>Children by placement type (concurrent, ffa, adoption, foster).</summary>
    public string PlacementTypes { get; init; } = "";

    /// <summary>Generating the batch in memory (not an engine phase; for information).</summary>
    public double GenerateMs { get; init; }

    /// <summary>Reading and validating children.csv and carers.csv; null when not measured.</summary>
    public double? LoadMs { get; init; }

    /// <summary>Grouping children and binding the rules (the engine's "prepare" phase).</summary>
    public double PrepareMs { get; init; }

    public double CandidatesMs { get; init; }

    public double SolveMs { get; init; }

    /// <summary>The run without explanations still builds proposals and the reasons for unmatched children: its "explain" phase.</summary>
    public double ProposalsMs { get; init; }

    /// <summary>The explanation phase in a second run with explanations; null when it was not run or did not finish.</summary>
    public double? ExplainMs { get; init; }

    /// <summary>What happened to the explanation run, in words.</summary>
    public string ExplainNote { get; init; } = "";

    /// <summary>Wall time of the engine call without explanations (prepare + candidates + solve + proposals).</summary>
    public double EngineMs { get; init; }

    public required string Status { get; init; }

    public int ChildrenPlaced { get; init; }

    public decimal Score { get; init; }

    public decimal? ScoreBound { get; init; }

    public long CandidatePairs { get; init; }

    public int Components { get; init; }

    public int FlowComponents { get; init; }

    public int CpSatComponents { get; init; }

    public int MipComponents { get; init; }

    /// <summary>Components proved optimal by their linear relaxation alone.</summary>
    public int LpComponents { get; init; }

    /// <summary>True when the engine kept only the best candidates per unit (the plan then cannot be proved optimal).</summary>
    public bool CandidatesPruned { get; init; }

    /// <summary>Managed bytes allocated during the engine call, in MB.</summary>
    public double AllocatedMb { get; init; }

    /// <summary>Peak working set of the whole process (it ran this scenario only), in MB.</summary>
    public double PeakWorkingSetMb { get; init; }

    /// <summary>Hard rules the engine's plan breaks, found by the bench's independent plan evaluator (should be empty).</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    public double TimeLimitSeconds { get; init; }
}
