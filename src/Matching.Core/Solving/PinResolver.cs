using System.Collections.Immutable;
using System.Globalization;
using Matching.Rules.Hard;

namespace Matching.Solving;

/// <summary>
/// Turns pins into a pinned carer per unit, and finds pins that break a hard rule or each other. Conflicts name
/// the pins and the rule; when there is any, nothing is solved.
/// </summary>
internal static class PinResolver
{
    public static (int?[] PinnedCarer, ImmutableArray<string> Conflicts) Resolve(PreparedBatch batch)
    {
        var pinned = new int?[batch.Units.Length];
        var pinsOfUnit = new List<string>?[batch.Units.Length];
        var conflicts = new List<string>();
        var unitOfChild = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < batch.Units.Length; u++)
        {
            foreach (var child in batch.Units[u].Children)
            {
                unitOfChild[child.Id] = u;
            }
        }

        foreach (var pin in batch.Pins.OrderBy(p => p.ChildId, StringComparer.Ordinal).ThenBy(p => p.CarerId, StringComparer.Ordinal))
        {
            var label = Label(pin.ChildId, pin.CarerId);
            if (!unitOfChild.TryGetValue(pin.ChildId, out var u))
            {
                conflicts.Add($"pin {label}: there is no child '{pin.ChildId}' in the batch");
                continue;
            }

            if (!batch.CarerIndex.TryGetValue(pin.CarerId, out var c))
            {
                conflicts.Add($"pin {label}: there is no carer '{pin.CarerId}' in the batch");
                continue;
            }

            (pinsOfUnit[u] ??= []).Add(label);
            if (pinned[u] is { } other && other != c)
            {
                conflicts.Add($"pins {string.Join(" and ", pinsOfUnit[u]!)} put one child or one 'together' sibling group with two carers ({OneCarerWholeGroup.Definition.Id})");
                continue;
            }

            pinned[u] = c;
        }

        for (var u = 0; u < pinned.Length; u++)
        {
            if (pinned[u] is not { } c)
            {
                continue;
            }

            var unit = batch.Units[u];
            foreach (var child in unit.Children)
            {
                if (batch.Rules.FirstRefusal(batch.Facts(unit, child, batch.Carers[c])) is { } rule)
                {
                    conflicts.Add($"pin {string.Join(" and ", pinsOfUnit[u]!)} breaks {rule.Id} for child {child.Id}: {rule.Info.Description}");
                }
            }
        }

        conflicts.AddRange(Structural(batch, pinned, pinsOfUnit));
        return (pinned, [.. conflicts]);
    }

    private static IEnumerable<string> Structural(PreparedBatch batch, int?[] pinned, List<string>?[] pinsOfUnit)
    {
        var rules = batch.Rules;
        foreach (var byCarer in Enumerable.Range(0, pinned.Length).Where(u => pinned[u] is not null).GroupBy(u => pinned[u]!.Value).OrderBy(g => g.Key))
        {
            var carer = batch.Carers[byCarer.Key];
            var units = byCarer.ToList();
            var labels = string.Join(", ", units.SelectMany(u => pinsOfUnit[u]!));
            var load = units.Sum(u => batch.Units[u].Size);
            var families = units.Select(u => batch.Units[u].Group).Distinct().Count();
            var bin = BinLimits.Of(rules, carer);
            if (load > bin.Capacity && rules.CapacityOn)
            {
                yield return $"pins {labels} place {load.ToString(CultureInfo.InvariantCulture)} children with carer {carer.Id}, more than its free places ({Capacity.Definition.Id})";
            }
            else if (families > 1 && load > bin.MixedCapacity)
            {
                yield return $"pins {labels} place children who are not all siblings with carer {carer.Id} beyond the usual fostering limit ({FosteringLimit.Definition.Id})";
            }

            if (families > 1 && rules.PermanenceSoleOn && units.Any(u => batch.Units[u].Children.Any(ch => PermanenceSolePlacement.IsPermanence(ch.PlacementType))))
            {
                yield return $"pins {labels} place more than one sibling group with carer {carer.Id}, but a permanence placement needs the household to itself ({PermanenceSolePlacement.Definition.Id})";
            }

            foreach (var family in units.GroupBy(u => batch.Units[u].Group))
            {
                var familyLoad = family.Sum(u => batch.Units[u].Size);
                if (familyLoad > bin.FamilyLoadCap)
                {
                    yield return $"pins {string.Join(", ", family.SelectMany(u => pinsOfUnit[u]!))} place {familyLoad.ToString(CultureInfo.InvariantCulture)} siblings with carer {carer.Id}, more than the largest group it will take ({GroupSizeAndSex.Definition.Id})";
                }
            }
        }
    }

    private static string Label(string child, string carer) => child + "→" + carer;
}
