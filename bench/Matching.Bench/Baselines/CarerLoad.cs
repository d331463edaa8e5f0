using Matching.Model;

namespace Matching.Bench.Baselines;

/// <summary>
/// What one carer has been given so far, and whether one more unit fits the rules that couple children:
/// capacity (H2), the usual fostering limit (H3), one group only for permanence (H5) and the largest group (H12).
/// </summary>
internal sealed class CarerLoad
{
    private readonly Dictionary<string, int> familyLoad = new(StringComparer.Ordinal);
    private bool holdsPermanence;

    public CarerLoad(Carer carer) => Carer = carer;

    public Carer Carer { get; }

    public int Load { get; private set; }

    public int Families => familyLoad.Count;

    /// <summary>Empty when the unit fits; otherwise the id of the rule it would break.</summary>
    public string? Refusal(BatchView view, SiblingGroup group, int size)
    {
        var rules = view.Rules;
        var ownLoad = familyLoad.GetValueOrDefault(group.Id);
        var families = Families + (ownLoad == 0 ? 1 : 0);
        if (rules.CapacityOn && Load + size > Carer.FreePlaces)
        {
            return "capacity";
        }

        if (ownLoad + size > Carer.EffectiveMaxGroup)
        {
            return "group_size_and_sex";
        }

        if (rules.FosteringLimitOn && (Carer.Placed > 0 || families > 1) && Carer.Placed + Load + size > rules.FosteringLimit.Limit)
        {
            return "fostering_limit";
        }

        if (rules.PermanenceSoleOn && families > 1 && (holdsPermanence || BatchView.IsPermanence(group)))
        {
            return "permanence_sole_placement";
        }

        return null;
    }

    public void Add(SiblingGroup group, int size)
    {
        familyLoad[group.Id] = familyLoad.GetValueOrDefault(group.Id) + size;
        Load += size;
        holdsPermanence |= BatchView.IsPermanence(group);
    }
}
