using System.Reflection;

namespace Matching.Core.Tests.Model;

/// <summary>The domain model and results are immutable: no public settable property, no public mutable field.</summary>
public sealed class ImmutabilityTests
{
    public static TheoryData<Type> PublicTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var t in typeof(MatchingEngine).Assembly.GetExportedTypes().Where(t => t is { IsClass: true } || (t.IsValueType && !t.IsEnum)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(t);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_HasNoPublicSetters(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is { IsPublic: true })
            {
                var initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                Assert.True(initOnly, $"{type.Name}.{p.Name} has a public setter");
            }
        }

        Assert.All(type.GetFields(BindingFlags.Public | BindingFlags.Instance), f => Assert.True(f.IsInitOnly, $"{type.Name}.{f.Name} is mutable"));
    }
}
