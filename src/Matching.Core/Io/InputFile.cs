namespace Matching.Io;

/// <summary>One input file of a run, fingerprinted so a run can be reproduced and audited.</summary>
/// <param name="Role">children, carers, pins, previous or settings.</param>
/// <param name="FileName">The file's name (no folder).</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex.</param>
public sealed record InputFile(string Role, string FileName, string Sha256);
