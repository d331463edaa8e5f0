using System.Reflection;

namespace Matching.Core.Tests.Model;

/// <summary>The public API never exposes an OR-Tools type: the solver stays an implementation detail.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ExposesNoOrToolsType()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(MatchingEngine).Assembly.GetExportedTypes())
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                IEnumerable<Type> types = member switch
                {
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    _ => [],
                };
                if (types.Any(t => (t.Namespace ?? "").StartsWith("Google.", StringComparison.Ordinal)))
                {
                    offenders.Add($"{type.FullName}.{member.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }
}
