using System.Collections.Immutable;
using Matching.Core.Tests.Support;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Rules.Soft;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("Urdu;English", "english", 0.0)]
    [InlineData("Somali", "English;Polish", 1.0)]
    [InlineData("", "English", 0.0)]
    [InlineData("Somali", "", 0.0)]
    public void MatchWeight_AnySharedLanguageIsFree(string child, string carer, double expected)
    {
        static ImmutableArray<string> List(string s) => s.Length == 0 ? [] : [.. s.Split(';')];
        var pair = Build.Pair(Build.Child() with { Languages = List(child) }, Build.Carer() with { Languages = List(carer) });
        Assert.Equal(expected, new Language().MatchWeight(pair));
    }
}
