using Matching.Core.Tests.Support;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class SmokeFreeTests
{
    [Theory]
    [InlineData(4, "", false)]
    [InlineData(5, "", true)]
    [InlineData(9, "asthma", false)]
    [InlineData(9, "glue_ear", false)]
    [InlineData(9, "trauma", true)]
    public void Allows_SmokingHousehold_RefusesYoungOrSensitiveChildren(int age, string need, bool allowed)
    {
        var child = Build.Child(age: age) with { Needs = need.Length == 0 ? [] : [need] };
        var rule = new SmokeFree(Build.Context());
        Assert.Equal(allowed, rule.Allows(Build.Pair(child, Build.Carer() with { Smoker = true })));
        Assert.True(rule.Allows(Build.Pair(child, Build.Carer())));
    }
}
