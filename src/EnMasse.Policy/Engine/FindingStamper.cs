using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>Gives raw findings their weight from the policy, their exemption, their resource, and scrubs secrets from them.</summary>
internal static class FindingStamper
{
    public static List<Finding> Stamp(
        IEnumerable<RawFinding> raw,
        Resource resource,
        AdmissionPolicy policy,
        EnforcementPoint point,
        string? file,
        SecretScrubber secrets)
    {
        var result = new List<Finding>();
        var kind = resource.KindName;
        foreach (var finding in raw)
        {
            var rule = RuleRegistry.Find(finding.Rule);
            var level = rule is { Fixed: true } ? null : Level(policy, finding.Rule, point);
            if (level == RuleLevel.Off)
            {
                continue;
            }

            var severity = level switch
            {
                RuleLevel.Error => Severity.Error,
                RuleLevel.Warning => Severity.Warning,
                _ => finding.Severity ?? rule?.DefaultAt(point) ?? Severity.Error,
            };
            result.Add(Finding.Of(
                finding with { Message = secrets.Scrub(finding.Message), Path = secrets.Scrub(finding.Path) },
                severity,
                file,
                kind,
                secrets.Scrub(resource.Namespace),
                secrets.Scrub(resource.Name),
                IsExempted(policy, resource, finding.Rule)));
        }

        result.Sort(Finding.Order);
        return result;
    }

    public static RuleLevel? Level(AdmissionPolicy policy, string rule, EnforcementPoint point) =>
        policy.Rules.TryGetValue(rule, out var setting)
            ? (point == EnforcementPoint.Admission ? setting.Admission : setting.Ci)
            : null;

    public static bool IsExempted(AdmissionPolicy policy, Resource resource, string rule)
    {
        foreach (var exemption in policy.Exemptions)
        {
            if ((exemption.Namespaces.Count == 0 || exemption.Namespaces.Contains(resource.Namespace))
                && (exemption.Kinds.Count == 0 || exemption.Kinds.Contains(resource.KindName))
                && (exemption.Names.Count == 0 || exemption.Names.Any(n => Names.GlobMatches(n, resource.Name)))
                && exemption.Rules.Any(r => RuleRegistry.PatternMatches(r, rule)))
            {
                return true;
            }
        }

        return false;
    }
}
