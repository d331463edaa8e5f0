using Matching.Model;
using Matching.Solving;

namespace Matching.Bench.Baselines;

/// <summary>
/// What one carer has been given so far, and whether one more unit fits the rules that couple children, using the
/// engine's own limits: capacity (H2), the usual fostering limit (H3), the largest group (H12), and one group only
/// for permanence (H5).
/// </summary>
internal sealed class CarerLoad
{
    private readonly Dictionary<string, int> familyLoad = new(StringComparer.Ordinal);
    private readonly BinLimits limits;
    private bool holdsPermanence;

    public CarerLoad(BatchView view, Carer carer) => limits = BinLimits.Of(view.Rules, carer);

    public int Load { get; private set; }

    /// <summary>Null when the unit fits; otherwise the id of the rule it would break.</summary>
    public string? Refusal(BatchView view, SiblingGroup group, int size)
    {
        var ownLoad = familyLoad.GetValueOrDefault(group.Id);
        var families = familyLoad.Count + (ownLoad == 0 ? 1 : 0);
        if (Load + size > limits.Capacity)
        {
            return "capacity";
        }

        if (families > 1 && Load + size > limits.MixedCapacity)
        {
            return "fostering_limit";
        }

        if (ownLoad + size > limits.FamilyLoadCap)
        {
            return "group_size_and_sex";
        }

        return view.Rules.PermanenceSoleOn && families > 1 && (holdsPermanence || BatchView.IsPermanence(group))
            ? "permanence_sole_placement"
            : null;
    }

    public void Add(SiblingGroup group, int size)
    {
        familyLoad[group.Id] = familyLoad.GetValueOrDefault(group.Id) + size;
        Load += size;
        holdsPermanence |= BatchView.IsPermanence(group);
    }
}
