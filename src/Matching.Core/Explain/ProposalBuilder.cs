using System.Collections.Immutable;
using System.Globalization;
using Matching.Model;
using Matching.Rules;
using Matching.Rules.Soft;
using Matching.Solving;

namespace Matching.Explain;

/// <summary>Turns the solved units into proposals with every rule's contribution and the flags a panel must see.</summary>
internal static class ProposalBuilder
{
    public static ImmutableArray<Proposal> Build(BatchSolution solution)
    {
        var batch = solution.Batch;
        var rules = batch.Rules;
        var proposals = new List<Proposal>();
        var carerOfChild = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < batch.Units.Length; u++)
        {
            if (solution.UnitCarer[u] >= 0)
            {
                foreach (var child in batch.Units[u].Children)
                {
                    carerOfChild[child.Id] = solution.UnitCarer[u];
                }
            }
        }

        var pinned = batch.Pins.Select(p => p.ChildId).ToHashSet(StringComparer.Ordinal);
        foreach (var group in batch.Groups)
        {
            var placed = group.Children.Where(c => carerOfChild.ContainsKey(c.Id)).ToList();
            var parts = placed.GroupBy(c => carerOfChild[c.Id]).OrderBy(p => p.Min(c => c.Id), StringComparer.Ordinal).ToList();
            var splittable = group.Size > 1 && (group.Rule == SiblingRule.MaySplit || !rules.GroupsStayWhole);
            var split = splittable && parts.Count > 1;
            var partLeaders = split ? parts.Skip(1).Select(p => p.Min(c => c.Id)!).ToHashSet(StringComparer.Ordinal) : [];
            foreach (var part in parts)
            {
                var carer = batch.Carers[part.Key];
                foreach (var child in part.OrderBy(c => c.Id, StringComparer.Ordinal))
                {
                    var facts = new PairFacts(batch.Context, child, group, part.Count(), carer);
                    var scores = ImmutableArray.CreateBuilder<RuleScore>(RuleCatalogue.Soft.Length);
                    long total = 0;
                    foreach (var info in RuleCatalogue.Soft)
                    {
                        long milli = 0;
                        double matchWeight = 0;
                        var index = IndexOf(rules, info.Id);
                        if (index >= 0)
                        {
                            matchWeight = rules.PairSoftRules[index].MatchWeight(facts);
                            milli = PairScorer.Contribution(rules, index, facts);
                        }
                        else if (info.Id == SiblingSplit.Definition.Id && split)
                        {
                            var far = SiblingSplit.IsFar(facts.ContactMiles, rules.SplitNearMiles);
                            matchWeight = (partLeaders.Contains(child.Id) ? 1 : 0) + (far ? rules.SplitFarChild : 0);
                            milli = -((partLeaders.Contains(child.Id) ? Points.ToMilli(rules.SplitWeight) : 0)
                                + (far ? Points.ToMilli(rules.SplitWeight * rules.SplitFarChild) : 0));
                        }

                        total += milli;
                        scores.Add(new RuleScore(info.Id, Points.FromMilli(milli), matchWeight));
                    }

                    var isPinned = pinned.Contains(child.Id);
                    proposals.Add(new Proposal
                    {
                        ChildId = child.Id,
                        SiblingGroup = group.Id,
                        CarerId = carer.Id,
                        ContactMiles = double.IsNaN(facts.ContactMiles) ? null : facts.ContactMiles,
                        Score = Points.FromMilli(total),
                        Pinned = isPinned,
                        Scores = scores.MoveToImmutable(),
                        Flags = Flags(batch, facts, split ? parts.Count : 1, isPinned),
                    });
                }
            }
        }

        return [.. proposals.OrderBy(p => p.ChildId, StringComparer.Ordinal)];
    }

    private static int IndexOf(RuleSet rules, string id)
    {
        for (var i = 0; i < rules.PairSoftRules.Length; i++)
        {
            if (rules.PairSoftRules[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static ImmutableArray<string> Flags(PreparedBatch batch, in PairFacts facts, int parts, bool pinned)
    {
        var flags = ImmutableArray.CreateBuilder<string>();
        var child = facts.Child;
        var carer = facts.Carer;
        if (EthnicityCodes.IsKnown(child.Ethnicity) && carer.Ethnicities.Any(EthnicityCodes.IsKnown)
            && !carer.Ethnicities.Any(e => string.Equals(e, child.Ethnicity, StringComparison.OrdinalIgnoreCase)))
        {
            var sameGroup = carer.Ethnicities.Any(e => EthnicityCodes.BroadGroup(e) == EthnicityCodes.BroadGroup(child.Ethnicity));
            flags.Add(sameGroup
                ? "ethnicity differs within the same broad group: plan identity support"
                : "ethnicity differs: plan identity and heritage support");
        }

        if (!string.IsNullOrWhiteSpace(child.Religion) && !string.IsNullOrWhiteSpace(carer.Religion) && !Text.Same(child.Religion, carer.Religion))
        {
            flags.Add("religion differs: plan support for the child's faith");
        }

        if (!child.Languages.IsEmpty && !carer.Languages.IsEmpty && !Text.Intersects(child.Languages, carer.Languages))
        {
            flags.Add("no shared language: plan language support");
        }

        if (child.PlacementType == PlacementType.Foster && child.Home is { } home && batch.Rules.NearHomeFlagMiles is { } flagMiles)
        {
            var miles = batch.Context.TravelMiles(carer.Location, home);
            if (miles > flagMiles)
            {
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"{miles:0.0} miles from home, over {flagMiles:0.#}: needs the director's agreement"));
            }
        }

        if (parts > 1)
        {
            flags.Add(string.Create(CultureInfo.InvariantCulture, $"sibling group split across {parts} households"));
        }

        if (pinned)
        {
            flags.Add("pinned: an agreed link");
        }

        return flags.ToImmutable();
    }
}
