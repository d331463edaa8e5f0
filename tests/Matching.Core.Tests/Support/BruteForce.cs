using Matching.Model;
using Matching.Rules;
using Matching.Rules.Soft;

namespace Matching.Core.Tests.Support;

/// <summary>
/// Exhaustive search written independently of the engine's solving code: it tries every way of giving each
/// unit a carer or none, keeps the structural rules itself as it goes, and returns the lexicographic best
/// (most children placed, then best score). Pair-level rules and pair scores come from the rule classes, which
/// are the specification; everything else here is its own.
/// </summary>
internal static class BruteForce
{
    public sealed record Best(int Placed, long ScoreMilli, Dictionary<string, string> Plan);

    public static Best? Solve(MatchingProblem problem)
    {
        var settings = problem.Settings;
        var previous = problem.Previous.ToDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);
        var context = new RuleContext(settings, problem.BatchDate, previous);
        var rules = new RuleSet(context);
        var carers = problem.Carers.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        var groups = SiblingGroup.Form(problem.Children);
        var wholeGroups = settings.IsHardRuleOn("one_carer_whole_group");
        var units = new List<(SiblingGroup Group, Child[] Children)>();
        foreach (var g in groups)
        {
            if (g.Rule == SiblingRule.Together && wholeGroups)
            {
                units.Add((g, [.. g.Children]));
            }
            else
            {
                units.AddRange(g.Children.Select(c => (g, new[] { c })));
            }
        }

        var pins = problem.Pins.ToDictionary(p => p.ChildId, p => p.CarerId, StringComparer.Ordinal);
        var options = new List<int>[units.Count];
        var scores = new long[units.Count][];
        for (var u = 0; u < units.Count; u++)
        {
            options[u] = [];
            scores[u] = new long[carers.Length];
            var (group, kids) = units[u];
            var pinned = kids.Select(k => pins.GetValueOrDefault(k.Id)).Where(p => p is not null).Distinct().ToList();
            if (pinned.Count > 1)
            {
                return null;
            }

            for (var c = 0; c < carers.Length; c++)
            {
                if (pinned.Count == 1 && carers[c].Id != pinned[0])
                {
                    continue;
                }

                var ok = true;
                long s = 0;
                foreach (var kid in kids)
                {
                    var facts = new PairFacts(context, kid, group, kids.Length, carers[c]);
                    ok &= rules.PairRules.All(r => r.Allows(facts));
                    s += PairScorer.Total(rules, facts);
                }

                if (ok)
                {
                    options[u].Add(c);
                    scores[u][c] = s;
                }
            }

            if (pinned.Count == 1 && options[u].Count == 0)
            {
                return null; // a pin that breaks a pair rule
            }
        }

        var isPinned = units.Select(u => u.Children.Any(k => pins.ContainsKey(k.Id))).ToArray();
        var limit = (int)(settings.ParameterOf("fostering_limit", "limit") ?? int.MaxValue);
        var load = new int[carers.Length];
        var familiesAt = carers.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var permanenceAt = new int[carers.Length];
        var choice = new int[units.Count];
        var remainingValue = new int[units.Count + 1];
        for (var u = units.Count - 1; u >= 0; u--)
        {
            remainingValue[u] = remainingValue[u + 1] + units[u].Children.Length;
        }

        Best? best = null;
        void Search(int u, int placed, long score)
        {
            if (best is not null && placed + remainingValue[u] < best.Placed)
            {
                return;
            }

            if (u == units.Count)
            {
                var total = score + SplitPenalty(units, choice, carers, context, rules);
                if (best is null || placed > best.Placed || (placed == best.Placed && total > best.ScoreMilli))
                {
                    var plan = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < units.Count; i++)
                    {
                        if (choice[i] >= 0)
                        {
                            foreach (var kid in units[i].Children)
                            {
                                plan[kid.Id] = carers[choice[i]].Id;
                            }
                        }
                    }

                    best = new Best(placed, total, plan);
                }

                return;
            }

            var (group, kids) = units[u];
            var permanent = kids.Any(k => k.PlacementType != PlacementType.Foster);
            foreach (var c in options[u])
            {
                var carer = carers[c];
                var fam = familiesAt[c];
                var famLoad = fam.GetValueOrDefault(group.Id);
                var newLoad = load[c] + kids.Length;
                var families = fam.Count + (famLoad == 0 ? 1 : 0);
                if (settings.IsHardRuleOn("capacity") && carer.Placed + newLoad > carer.Places)
                {
                    continue;
                }

                if (settings.IsHardRuleOn("group_size_and_sex") && famLoad + kids.Length > (carer.MaxGroup ?? carer.Places))
                {
                    continue;
                }

                if (settings.IsHardRuleOn("fostering_limit") && carer.Placed + newLoad > limit && (families > 1 || carer.Placed > 0))
                {
                    continue;
                }

                if (settings.IsHardRuleOn("permanence_sole_placement") && families > 1 && (permanent || permanenceAt[c] > 0))
                {
                    continue;
                }

                load[c] = newLoad;
                fam[group.Id] = famLoad + kids.Length;
                permanenceAt[c] += permanent ? 1 : 0;
                choice[u] = c;
                Search(u + 1, placed + kids.Length, score + scores[u][c]);
                permanenceAt[c] -= permanent ? 1 : 0;
                if (famLoad == 0)
                {
                    fam.Remove(group.Id);
                }
                else
                {
                    fam[group.Id] = famLoad;
                }

                load[c] -= kids.Length;
            }

            if (!isPinned[u])
            {
                choice[u] = -1;
                Search(u + 1, placed, score);
            }
        }

        Search(0, 0, 0);
        return best;
    }

    private static long SplitPenalty(List<(SiblingGroup Group, Child[] Children)> units, int[] choice, Carer[] carers, RuleContext context, RuleSet rules)
    {
        long penalty = 0;
        foreach (var byGroup in Enumerable.Range(0, units.Count).GroupBy(u => units[u].Group.Id))
        {
            var used = byGroup.Where(u => choice[u] >= 0).ToList();
            var parts = used.Select(u => choice[u]).Distinct().Count();
            if (byGroup.Count() < 2 || parts < 2)
            {
                continue;
            }

            var far = used.SelectMany(u => units[u].Children.Select(k => (k, carers[choice[u]])))
                .Count(p => p.k.Contact is { } v && SiblingSplit.IsFar(context.TravelMiles(p.Item2.Location, v), rules.SplitNearMiles));
            penalty += (Matching.Solving.Points.ToMilli(rules.SplitWeight) * (parts - 1))
                + (Matching.Solving.Points.ToMilli(rules.SplitWeight * rules.SplitFarChild) * far);
        }

        return -penalty;
    }
}
