using System.Collections.Immutable;

namespace Matching.Generation;

/// <summary>A synthetic batch: children and carers in id order, and the batch date they were generated for.</summary>
/// <param name="Children">The children, in id order.</param>
/// <param name="Carers">The carers, in id order.</param>
/// <param name="BatchDate">The batch date.</param>
public sealed record GeneratedBatch(ImmutableArray<GeneratedChild> Children, ImmutableArray<GeneratedCarer> Carers, DateOnly BatchDate);
