namespace Matching.Model;

/// <summary>An agreed link that must stay: a hard constraint.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="CarerId">The carer the child must be placed with.</param>
public sealed record Pin(string ChildId, string CarerId);

/// <summary>A proposal from a previous run (last week's matches), used for stability.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="CarerId">The carer proposed last time.</param>
public sealed record PreviousMatch(string ChildId, string CarerId);
