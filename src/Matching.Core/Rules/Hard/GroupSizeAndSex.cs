using Matching.Model;

namespace Matching.Rules.Hard;

/// <summary>H12: the sibling group is no larger than the household's <c>max_group</c>; the child's sex is one the approval allows.</summary>
internal sealed class GroupSizeAndSex : HardRule
{
    public static readonly RuleInfo Definition = new(
        "group_size_and_sex", "H12", RuleKind.Hard,
        "The sibling group is no larger than the household will take, and the child's sex is one its approval allows",
        null, []);

    public override RuleInfo Info => Definition;

    public override bool Allows(in PairFacts pair)
    {
        if (pair.UnitSize > pair.Carer.EffectiveMaxGroup)
        {
            return false;
        }

        var sexes = pair.Carer.Sexes;
        return sexes.IsEmpty || pair.Child.Sex == Sex.Unknown || sexes.Contains(pair.Child.Sex);
    }
}
