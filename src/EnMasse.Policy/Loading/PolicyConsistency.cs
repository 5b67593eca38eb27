using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Loading;

/// <summary>Checks that the names a policy directory uses refer to something: plans, rules, authentication services.</summary>
internal static class PolicyConsistency
{
    public static void Check(MappingNode policyRoot, IReadOnlyList<Resource> plans, CatalogSnapshot published, AdmissionPolicy policy, List<(string? File, RawFinding Finding)> findings)
    {
        var spec = NodeRead.Map(policyRoot, "spec");
        var policyFile = (string?)null;

        foreach (var entry in NodeRead.Map(spec, "rules")?.Entries ?? [])
        {
            var rule = RuleRegistry.Find(entry.Key);
            if (rule is null)
            {
                var ids = RuleRegistry.All.Select(r => r.Id);
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, entry.Value.Path, entry.KeyStart, $"rule \"{entry.Key}\" does not exist{Names.DidYouMean(entry.Key, ids)}")));
            }
            else if (entry.Value is MappingNode setting && setting.Entries.FirstOrDefault(e => e.Value is ScalarNode flag && flag.TryGetBoolean(out var on) && on) is { } truthy)
            {
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, truthy.Value.Path, truthy.Value.Start, "a rule's level is error, warning or off; true is none of them")));
            }
            else if (rule.Fixed)
            {
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, entry.Value.Path, entry.KeyStart, $"rule \"{entry.Key}\" is fixed: its severity cannot be changed or switched off")));
            }
        }

        foreach (var exemption in NodeRead.Maps(NodeRead.List(spec, "exemptions")))
        {
            foreach (var pattern in NodeRead.Strings(NodeRead.List(exemption, "rules")))
            {
                if (!RuleRegistry.PatternNamesRule(pattern.Value))
                {
                    findings.Add((policyFile, new RawFinding(PolicyIds.Reference, pattern.Path, pattern.Node.Start, $"exemption names rule \"{pattern.Value}\", which does not exist{Names.DidYouMean(pattern.Value, RuleRegistry.All.Select(r => r.Id))}")));
                }
            }

            foreach (var kind in NodeRead.Strings(NodeRead.List(exemption, "kinds")))
            {
                if (!Enum.TryParse<ResourceKind>(kind.Value, out _))
                {
                    findings.Add((policyFile, new RawFinding(PolicyIds.Reference, kind.Path, kind.Node.Start, $"exemption names kind \"{kind.Value}\", which is not an EnMasse kind{Names.DidYouMean(kind.Value, Enum.GetNames<ResourceKind>())}")));
                }
            }
        }

        foreach (var type in NodeRead.Map(spec, "addressSpaceTypes")?.Entries ?? [])
        {
            if (!AdmissionPolicy.EnMasseTypes.TryGetValue(type.Key, out var offered))
            {
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, type.Value.Path, type.KeyStart, $"address space type \"{type.Key}\" is not an EnMasse type; EnMasse has standard and brokered")));
                continue;
            }

            foreach (var addressType in NodeRead.Strings(type.Value as SequenceNode).Where(t => !offered.Contains(t.Value)))
            {
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, addressType.Path, addressType.Node.Start, $"{type.Key} address spaces cannot hold {addressType.Value} addresses; EnMasse offers: {Names.List(offered.Order(StringComparer.Ordinal))}")));
            }
        }

        var defaults = NodeRead.Map(spec, "defaults");
        if (NodeRead.String(defaults, "authenticationService") is { } authService && !published.HasAuthenticationService(authService.Value))
        {
            findings.Add((policyFile, new RawFinding(PolicyIds.Reference, authService.Path, authService.Node.Start, $"default authentication service \"{authService.Value}\" is not published in plans/; published: {Names.List(published.AuthenticationServices.Order(StringComparer.Ordinal))}")));
        }

        foreach (var endpoints in NodeRead.Map(defaults, "endpoints")?.Entries ?? [])
        {
            if (!policy.AddressSpaceTypes.ContainsKey(endpoints.Key))
            {
                findings.Add((policyFile, new RawFinding(PolicyIds.Reference, endpoints.Value.Path, endpoints.KeyStart, $"default endpoints are given for type \"{endpoints.Key}\", which the policy does not allow")));
            }
        }

        CheckPlans(plans, published, policy, findings);
    }

    private static void CheckPlans(IReadOnlyList<Resource> plans, CatalogSnapshot published, AdmissionPolicy policy, List<(string? File, RawFinding Finding)> findings)
    {
        var anyInfraConfig = plans.Any(p => p.Kind is ResourceKind.StandardInfraConfig or ResourceKind.BrokeredInfraConfig);
        foreach (var plan in plans.Where(p => p.Kind == ResourceKind.AddressSpacePlan))
        {
            var fields = NodeRead.Has(plan.Spec, "addressSpaceType") ? plan.Spec : plan.Root;
            var spaceType = NodeRead.String(fields, "addressSpaceType");
            if (spaceType is not null && !policy.AddressSpaceTypes.ContainsKey(spaceType.Value))
            {
                findings.Add((plan.File, new RawFinding(PolicyIds.Reference, spaceType.Path, spaceType.Node.Start, $"plan \"{plan.Name}\" is for address space type \"{spaceType.Value}\", which the policy does not allow")));
            }

            foreach (var addressPlan in NodeRead.Strings(NodeRead.List(fields, "addressPlans")))
            {
                var target = published.AddressPlan(addressPlan.Value);
                if (target is null)
                {
                    findings.Add((plan.File, new RawFinding(PolicyIds.Reference, addressPlan.Path, addressPlan.Node.Start, $"plan \"{plan.Name}\" lists address plan \"{addressPlan.Value}\", which is not published{Names.DidYouMean(addressPlan.Value, published.AddressPlans.Select(p => p.Name))}")));
                }
                else if (spaceType is not null && policy.AddressSpaceTypes.TryGetValue(spaceType.Value, out var allowed) && target.AddressType is { } addressType && !allowed.Contains(addressType))
                {
                    findings.Add((plan.File, new RawFinding(PolicyIds.Reference, addressPlan.Path, addressPlan.Node.Start, $"plan \"{plan.Name}\" lists {addressType} plan \"{addressPlan.Value}\", but {spaceType.Value} address spaces do not allow {addressType}")));
                }
            }

            if (anyInfraConfig && NodeRead.String(fields, "infraConfigRef") is { } infra && !published.HasInfraConfig(infra.Value))
            {
                findings.Add((plan.File, new RawFinding(PolicyIds.Reference, infra.Path, infra.Node.Start, $"plan \"{plan.Name}\" refers to infra config \"{infra.Value}\", which is not published")));
            }
        }
    }
}
