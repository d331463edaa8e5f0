using System.Collections.Immutable;

namespace Matching.Io;

/// <summary>One data row of a table, with the row number a spreadsheet shows (header = 1).</summary>
internal sealed record TableRow(int Number, ImmutableArray<string> Cells);
