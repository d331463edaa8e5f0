using System.CommandLine;
using System.Globalization;
using Matching.Rules;

namespace Matching.Cli.Commands;

/// <summary><c>matching rules</c>: the rule catalogue and the settings file format.</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command(
            "rules",
            "Lists every rule: hard rules are never broken; soft rules are weighed, and their weights can be changed " +
            "in a settings file. Shows each rule's id, default weight, parameters and what it means.");
        command.SetAction(_ =>
        {
            Write(env.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Write(TextWriter w)
    {
        w.WriteLine("Hard rules (never broken):");
        foreach (var rule in RuleCatalogue.Hard)
        {
            WriteRule(w, rule, "hard");
        }

        w.WriteLine();
        w.WriteLine("Soft rules (weighed; weight 0 switches a rule off):");
        foreach (var rule in RuleCatalogue.Soft)
        {
            WriteRule(w, rule, "weight " + Number(rule.DefaultWeight));
        }

        w.WriteLine();
        w.WriteLine("Settings file (--settings FILE): JSON, comments allowed; anything left out keeps its default.");
        w.WriteLine("  {");
        w.WriteLine("    \"version\": 1,");
        w.WriteLine("    \"weights\": { \"travel_burden\": 1.0, \"cost\": 0 },            // soft rule id: weight");
        w.WriteLine("    \"parameters\": { \"contact_distance.foster_miles\": 50 },      // rule_id.parameter: value, or null for none");
        w.WriteLine("    \"disabled_hard_rules\": [ \"smoke_free\" ],                   // switches a hard rule off; echoed in every output");
        w.WriteLine("    \"detour_factor\": 1.0                                        // road miles per straight-line mile (1 to 3)");
        w.WriteLine("  }");
    }

    private static void WriteRule(TextWriter w, RuleInfo rule, string weight)
    {
        w.WriteLine($"  {rule.Code,-4} {rule.Id,-26} {weight,-11} {rule.Description}");
        foreach (var p in rule.Parameters)
        {
            w.WriteLine($"  {"",-4} {"",-26} {"",-11} parameter {rule.Id}.{p.Name} = {Number(p.Default)}: {p.Description}");
        }
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "none";
}
