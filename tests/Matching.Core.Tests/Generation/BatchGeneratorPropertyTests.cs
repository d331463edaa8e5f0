using FsCheck.Xunit;
using Matching.Generation;
using Matching.Geo;

namespace Matching.Core.Tests.Generation;

public sealed class BatchGeneratorPropertyTests
{
    [Property(MaxTest = 60)]
    public void Generate_AnySeedAndSize_CountsHoldAndEveryPlaceResolves(int seed, byte children, byte carers, bool adoption)
    {
        var batch = BatchGenerator.Generate(new GeneratorOptions
        {
            Children = children,
            Carers = carers,
            Seed = seed,
            BatchDate = new DateOnly(2025, 1, 1).AddDays(seed & 1023),
            Kind = adoption ? BatchKind.Adoption : BatchKind.Fostering,
        });

        Assert.Equal(children, batch.Children.Length);
        Assert.Equal(carers, batch.Carers.Length);
        Assert.All(batch.Children, c => Assert.True(Gazetteer.Default.TryResolve(c.HomePostcode!, out var home, out _) && home == c.Child.Home));
        Assert.All(batch.Carers, c => Assert.True(Gazetteer.Default.TryResolve(c.Postcode, out var at, out _) && at == c.Carer.Location));
        Assert.All(batch.Children, c => Assert.InRange(c.Child.AgeOn(c.Child.NeededOn(batch.BatchDate)), 0, 17));
        Assert.All(batch.Carers, c => Assert.InRange(c.Carer.Placed, 0, c.Carer.Places - 1));
    }
}
