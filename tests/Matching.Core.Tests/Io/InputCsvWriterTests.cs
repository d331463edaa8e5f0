using Matching.Core.Tests.Generation;
using Matching.Generation;
using Matching.Io;
using Matching.Model;
using Matching.Tests.Support;

namespace Matching.Core.Tests.Io;

public sealed class InputCsvWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(BatchKind.Mixed, null, 1)]
    [InlineData(BatchKind.Adoption, "North West", 2)]
    [InlineData(BatchKind.Fostering, "London", 3)]
    public void WriteGenerated_ReadBack_GivesTheSameChildrenAndCarers(BatchKind kind, string? region, int seed)
    {
        var date = new DateOnly(2026, 11, 23);
        var batch = BatchGenerator.Generate(new GeneratorOptions { Children = 60, Carers = 50, Seed = seed, BatchDate = date, Kind = kind, Region = region });
        InputCsvWriter.WriteGenerated(batch, folder.File("children.csv"), folder.File("carers.csv"));

        var read = BatchReader.Read(new BatchFiles { Children = folder.File("children.csv"), Carers = folder.File("carers.csv") }, date);

        Assert.DoesNotContain(read.Issues, i => i.IsError);
        var problem = read.Problem!;
        var children = problem.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var carers = problem.Carers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var readBack = new GeneratedBatch(
            [.. batch.Children.Select(g => g with { Child = children[g.Child.Id] })],
            [.. batch.Carers.Select(g => g with { Carer = carers[g.Carer.Id] })],
            date);
        Assert.Equal(BatchText.Lines(batch), BatchText.Lines(readBack));
        Assert.Equal(batch.Children.Length, problem.Children.Length);
        Assert.Equal(batch.Carers.Length, problem.Carers.Length);
    }

    [Fact]
    public void WriteChildren_LocationsWithoutPostcodes_WrittenAsExactCoordinates()
    {
        var child = new Child
        {
            Id = "C1",
            DateOfBirth = new DateOnly(2019, 1, 1),
            PlacementType = PlacementType.Foster,
            Contact = new Location(53.801234567891, -1.7512345678),
            ContactPerWeek = 1.25,
            Avoid = [new AvoidZone(new Location(53.7, -1.6), 4.5)],
        };
        var carer = new Carer { Id = "K1", Location = new Location(53.9, -1.1), Approval = Approval.Foster, Places = 1 };
        InputCsvWriter.WriteChildren(folder.File("children.csv"), [child]);
        InputCsvWriter.WriteCarers(folder.File("carers.csv"), [carer]);

        var read = BatchReader.Read(new BatchFiles { Children = folder.File("children.csv"), Carers = folder.File("carers.csv") }, new DateOnly(2026, 11, 23));

        Assert.Empty(read.Issues);
        var back = read.Problem!.Children[0];
        Assert.Equal(child.Contact, back.Contact);
        Assert.Equal(1.25, back.ContactPerWeek);
        Assert.Equal(child.Avoid[0], back.Avoid[0]);
        Assert.Equal(carer.Location, read.Problem.Carers[0].Location);
    }
}
