using Matching.Model;
using Matching.Rules;

namespace Matching.Solving;

/// <summary>What one carer can take, from its terms of approval and the capacity and fostering-limit rules.</summary>
/// <param name="Capacity">Children it may take in this batch.</param>
/// <param name="MixedCapacity">Children it may take when they are not all of one sibling group.</param>
/// <param name="FamilyLoadCap">Most children of one sibling group it will take.</param>
internal readonly record struct BinLimits(int Capacity, int MixedCapacity, int FamilyLoadCap)
{
    private const int Unlimited = 1 << 20;

    public static BinLimits Of(RuleSet rules, Carer carer)
    {
        var capacity = rules.CapacityOn ? carer.FreePlaces : Unlimited;
        var mixed = capacity;
        if (rules.FosteringLimitOn)
        {
            var room = Math.Max(0, rules.FosteringLimit.Limit - carer.Placed);
            mixed = Math.Min(capacity, room);
            if (carer.Placed > 0)
            {
                // Children already at home are not siblings of the new ones: the limit always applies.
                capacity = mixed;
            }
        }

        var familyCap = rules.PairRules.Any(r => r is Rules.Hard.GroupSizeAndSex) ? carer.EffectiveMaxGroup : Unlimited;
        return new BinLimits(capacity, mixed, familyCap);
    }
}
