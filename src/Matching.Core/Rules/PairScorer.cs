namespace Matching.Rules;

/// <summary>Scores one child with one carer under the pair-level soft rules, in milli-points.</summary>
internal static class PairScorer
{
    /// <summary>Total signed milli-points of the pair over every active pair soft rule.</summary>
    public static long Total(RuleSet rules, in PairFacts pair)
    {
        long total = 0;
        for (var i = 0; i < rules.PairSoftRules.Length; i++)
        {
            total = checked(total + Contribution(rules, i, pair));
        }

        return total;
    }

    /// <summary>Signed milli-points of active rule <paramref name="index"/> (position in <see cref="RuleSet.PairSoftRules"/>).</summary>
    public static long Contribution(RuleSet rules, int index, in PairFacts pair)
    {
        var rule = rules.PairSoftRules[index];
        var impact = rules.Weights[index] * rule.MatchWeight(pair);
        return Solving.Points.ToMilli(rule.IsReward ? impact : -impact);
    }
}
