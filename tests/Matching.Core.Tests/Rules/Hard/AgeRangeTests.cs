using Matching.Core.Tests.Support;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class AgeRangeTests
{
    [Theory]
    [InlineData(2, 0, 2, true)]
    [InlineData(3, 0, 2, false)]
    [InlineData(4, 5, 10, false)]
    [InlineData(5, 5, 10, true)]
    public void Allows_AgeInCompletedYears_InclusiveRange(int age, int min, int max, bool allowed)
    {
        var pair = Build.Pair(Build.Child(age: age), Build.Carer() with { AgeMin = min, AgeMax = max });
        Assert.Equal(allowed, new AgeRange().Allows(pair));
    }

    [Fact]
    public void Allows_TwoYearsElevenMonthsWithMaxTwo_Allowed()
    {
        var child = Build.Child() with { DateOfBirth = Build.Today.AddYears(-3).AddDays(20) };
        Assert.True(new AgeRange().Allows(Build.Pair(child, Build.Carer() with { AgeMax = 2 })));
    }

    [Fact]
    public void Allows_BirthdayBeforeNeededByDate_UsesAgeOnNeededBy()
    {
        var child = Build.Child() with { DateOfBirth = Build.Today.AddYears(-3).AddDays(20), NeededBy = Build.Today.AddDays(30) };
        Assert.False(new AgeRange().Allows(Build.Pair(child, Build.Carer() with { AgeMax = 2 })));
    }
}
