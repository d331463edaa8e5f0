using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class SiblingSplitTests
{
    [Theory]
    [InlineData(1, 0, 0.0)]
    [InlineData(2, 0, 1.0)]
    [InlineData(3, 0, 2.0)]
    [InlineData(2, 2, 2.0)]
    public void MatchWeight_ExtraHouseholdsAndFarChildren(int carers, int far, double expected) =>
        Assert.Equal(expected, SiblingSplit.MatchWeight(carers, far, 0.5));

    [Theory]
    [InlineData(12.0, true)]
    [InlineData(8.0, false)]
    [InlineData(double.NaN, false)]
    public void IsFar_AgainstNearMiles(double miles, bool far) => Assert.Equal(far, SiblingSplit.IsFar(miles, 10));
}
