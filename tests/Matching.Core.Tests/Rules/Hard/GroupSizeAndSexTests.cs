using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class GroupSizeAndSexTests
{
    [Theory]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, false)]
    public void Allows_GroupAgainstMaxGroup(int unit, int maxGroup, bool allowed)
    {
        var pair = Build.Pair(Build.Child(), Build.Carer(places: 4) with { MaxGroup = maxGroup }, unitSize: unit);
        Assert.Equal(allowed, new GroupSizeAndSex().Allows(pair));
    }

    [Theory]
    [InlineData(Sex.Female, true)]
    [InlineData(Sex.Male, false)]
    [InlineData(Sex.Unknown, true)]
    public void Allows_SexAgainstApproval(Sex sex, bool allowed)
    {
        var pair = Build.Pair(Build.Child() with { Sex = sex }, Build.Carer() with { Sexes = [Sex.Female] });
        Assert.Equal(allowed, new GroupSizeAndSex().Allows(pair));
    }
}
