using Matching.Core.Tests.Support;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class NeedsMetTests
{
    [Fact]
    public void Allows_EveryNeedMetIgnoringCase_Allowed()
    {
        var child = Build.Child() with { Needs = ["Trauma", "asthma"] };
        var carer = Build.Carer() with { CanMeet = ["ASTHMA", "trauma", "behaviour"] };
        Assert.True(new NeedsMet().Allows(Build.Pair(child, carer)));
    }

    [Fact]
    public void Allows_OneNeedNotMet_Refused()
    {
        var child = Build.Child() with { Needs = ["trauma", "disability"] };
        Assert.False(new NeedsMet().Allows(Build.Pair(child, Build.Carer() with { CanMeet = ["trauma"] })));
    }
}
