namespace Matching.Solving;

/// <summary>The solved batch in working form: the carer of each unit and the solver's own totals.</summary>
internal sealed class BatchSolution
{
    public required PreparedBatch Batch { get; init; }

    public required Candidates Candidates { get; init; }

    public required List<int[]> Components { get; init; }

    public required ComponentModel[] Models { get; init; }

    public required AssignmentSolution[] Solutions { get; init; }

    /// <summary>Carer index of each unit, or -1.</summary>
    public required int[] UnitCarer { get; init; }

    /// <summary>Component of each unit, or -1 when it has no candidate.</summary>
    public required int[] UnitComponent { get; init; }

    public long Value => Solutions.Sum(s => s.Value);

    public long Score => Solutions.Sum(s => s.Score);

    /// <summary>Sum of the components' bounds, or null when any component has none.</summary>
    public long? ScoreBound => Solutions.Any(s => s.ScoreBound is null) ? null : Solutions.Sum(s => s.ScoreBound!.Value);
}
