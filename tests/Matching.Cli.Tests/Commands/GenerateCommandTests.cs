using Matching.Cli.Tests.Support;
using Matching.Tests.Support;

namespace Matching.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string[] Args(string dir, params string[] more) =>
        ["generate", "--children", "25", "--carers", "20", "--seed", "4", "--region", "North East", "--kind", "fostering", "--as-of", "2026-11-23", "--out", dir, .. more];

    [Fact]
    public void Generate_ThenValidate_GivesAValidBatch()
    {
        var dir = Path.Combine(folder.Path, "batch");

        var run = Tool.Run(Args(dir));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("Wrote 25 children to ", run.Out, StringComparison.Ordinal);
        var check = Tool.Run("validate", "--children", Path.Combine(dir, "children.csv"), "--carers", Path.Combine(dir, "carers.csv"), "--as-of", "2026-11-23");
        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.StartsWith("The batch is valid: 25 children, 20 carers", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SameOptions_WritesTheSameBytes()
    {
        var a = Path.Combine(folder.Path, "a");
        var b = Path.Combine(folder.Path, "b");

        Assert.Equal(ExitCodes.Ok, Tool.Run(Args(a)).ExitCode);
        Assert.Equal(ExitCodes.Ok, Tool.RunIn("de-DE", Args(b)).ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "children.csv")), File.ReadAllBytes(Path.Combine(b, "children.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "carers.csv")), File.ReadAllBytes(Path.Combine(b, "carers.csv")));
    }

    [Fact]
    public void Generate_ExistingFiles_RefusedUnlessForced()
    {
        var dir = folder.Path;
        File.WriteAllText(Path.Combine(dir, "children.csv"), "real data");

        var refused = Tool.Run(Args(dir));
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Equal("real data", File.ReadAllText(Path.Combine(dir, "children.csv")));

        var forced = Tool.Run(Args(dir, "--force"));
        Assert.Equal(ExitCodes.Ok, forced.ExitCode);
        Assert.StartsWith("child_id,", File.ReadAllText(Path.Combine(dir, "children.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnknownRegion_IsAUsageErrorListingRegions()
    {
        var run = Tool.Run("generate", "--children", "3", "--region", "Atlantis", "--out", folder.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("matching: --region 'Atlantis' is not known; write an English region (", run.Error, StringComparison.Ordinal);
        Assert.Contains("North West", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "children.csv")));
    }
}
