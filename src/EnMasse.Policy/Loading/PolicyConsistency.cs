using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Rules.AddressSpaces;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Loading;

/// <summary>Checks that the names a policy directory uses refer to something: plans, rules, authentication services.</summary>
internal static class PolicyConsistency
{
    /// <param name="findings">Each with the file of the plan it is about, or null for policy.yaml.</param>
    public static void Check(PolicyDocument document, IReadOnlyList<Resource> plans, CatalogSnapshot published, AdmissionPolicy policy, List<(string? File, RawFinding Finding)> findings)
    {
        void Report(string path, Position at, string message) => findings.Add((null, new RawFinding(PolicyIds.Reference, path, at, message)));

        foreach (var setting in document.Rules)
        {
            var entry = setting.Entry;
            var rule = RuleRegistry.Find(entry.Key);
            if (rule is null)
            {
                Report(entry.Value.Path, entry.KeyStart, $"rule \"{entry.Key}\" does not exist{Names.DidYouMean(entry.Key, RuleRegistry.All.Select(r => r.Id))}");
            }
            else if (new[] { setting.Admission, setting.Ci }.Where(l => l is not null && l.TryGetBoolean(out var on) && on).MinBy(l => (l!.Start.Line, l.Start.Column)) is { } truthy)
            {
                Report(truthy.Path, truthy.Start, "a rule's level is error, warning or off; true is none of them");
            }
            else if (rule.Fixed)
            {
                Report(entry.Value.Path, entry.KeyStart, $"rule \"{entry.Key}\" is fixed: its severity cannot be changed or switched off");
            }
        }

        foreach (var exemption in document.Exemptions)
        {
            foreach (var pattern in exemption.Rules.Where(p => !RuleRegistry.PatternNamesRule(p.Value)))
            {
                Report(pattern.Path, pattern.Node.Start, $"exemption names rule \"{pattern.Value}\", which does not exist{Names.DidYouMean(pattern.Value, RuleRegistry.All.Select(r => r.Id))}");
            }

            var kinds = Enum.GetNames<ResourceKind>().Where(k => k != nameof(ResourceKind.Foreign)).ToList();
            foreach (var kind in exemption.Kinds.Where(k => !kinds.Contains(k.Value)))
            {
                Report(kind.Path, kind.Node.Start, $"exemption names kind \"{kind.Value}\", which is not an EnMasse kind{Names.DidYouMean(kind.Value, kinds)}");
            }
        }

        var enmasseTypes = AdmissionPolicy.EnMasseTypesOf(policy.EnMasseVersion);
        foreach (var type in document.AddressSpaceTypes ?? [])
        {
            if (!enmasseTypes.TryGetValue(type.Entry.Key, out var offered))
            {
                Report(type.Entry.Value.Path, type.Entry.KeyStart, $"address space type \"{type.Entry.Key}\" is not an EnMasse type; EnMasse has standard and brokered");
                continue;
            }

            foreach (var addressType in type.AddressTypes.Where(t => !offered.Contains(t.Value)))
            {
                Report(addressType.Path, addressType.Node.Start, $"{type.Entry.Key} address spaces cannot hold {addressType.Value} addresses in {policy.EnMasseVersion.Label}; it offers: {Names.List(offered.Order(StringComparer.Ordinal))}");
            }
        }

        if (document.Defaults.AuthenticationService is { } authService && !published.HasAuthenticationService(authService.Value))
        {
            Report(authService.Path, authService.Node.Start, $"default authentication service \"{authService.Value}\" is not published in plans/; published: {Names.List(published.AuthenticationServices.Order(StringComparer.Ordinal))}");
        }

        foreach (var endpoints in document.Defaults.Endpoints)
        {
            if (!policy.AddressSpaceTypes.ContainsKey(endpoints.Entry.Key))
            {
                Report(endpoints.Entry.Value.Path, endpoints.Entry.KeyStart, $"default endpoints are given for type \"{endpoints.Entry.Key}\", which the policy does not allow");
                continue;
            }

            // A default the endpoint rule would deny would deny every address space that gets it.
            var offered = AddressSpaceEndpointRule.Services(endpoints.Entry.Key);
            foreach (var service in endpoints.Endpoints.Select(e => NodeRead.String(e, "service")).OfType<Text>().Where(s => !offered.Contains(s.Value)))
            {
                Report(service.Path, service.Node.Start, $"default endpoint service \"{service.Value}\" is not offered by {endpoints.Entry.Key} address spaces; allowed: {Names.List(offered)}");
            }
        }

        foreach (var rules in NodeRead.Maps(NodeRead.List(NodeRead.Map(document.Root, "spec"), "exemptions")).Select(x => NodeRead.List(x, "rules")).OfType<SequenceNode>().Where(r => r.Items.Count == 0))
        {
            Report(rules.Path, rules.Start, "an exemption with rules: [] exempts nothing; name the rules it lifts (an id, a prefix such as address.*, or *)");
        }

        TrustedRequesterCheck.Check(document.TrustedRequesters, findings);
        TenantCheck.Check(document.Tenants, published, findings);
        CheckPlans(plans, published, policy, findings);
    }

    private static void CheckPlans(IReadOnlyList<Resource> plans, CatalogSnapshot published, AdmissionPolicy policy, List<(string? File, RawFinding Finding)> findings)
    {
        // Two objects of one kind and name: the cluster keeps one of them, silently.
        foreach (var twins in plans.Where(p => p.Name.Length > 0).GroupBy(p => (p.Kind, p.Name)).Where(g => g.Count() > 1))
        {
            var first = twins.First();
            foreach (var twin in twins.Skip(1))
            {
                var name = NodeRead.String(twin.Metadata, "name");
                var at = name?.Node.Start ?? twin.Root.Start;
                findings.Add((twin.File, new RawFinding(PolicyIds.Reference, "metadata.name", at, $"{twin.Kind} \"{twin.Name}\" is defined twice (also in {first.File}:{(NodeRead.String(first.Metadata, "name")?.Node.Start ?? first.Root.Start).Line}); the cluster would keep only one of them: rename or remove one")));
            }
        }

        // An address plan whose addressType no space type offers is blamed at its own line, not at every plan that lists it.
        var allTypes = AdmissionPolicy.EnMasseTypesOf(policy.EnMasseVersion).Values.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var badPlans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var addressPlan in plans.Where(p => p.Kind == ResourceKind.AddressPlan).Select(AddressPlanObject.Bind))
        {
            if (addressPlan.AddressType is { } type && !allTypes.Contains(type.Value))
            {
                badPlans.Add(addressPlan.Resource.Name);
                findings.Add((addressPlan.Resource.File, new RawFinding(PolicyIds.Reference, type.Path, type.Node.Start, $"address plan \"{addressPlan.Resource.Name}\" has addressType \"{type.Value}\", which is not an EnMasse address type ({Names.List(allTypes)}){Names.DidYouMean(type.Value, allTypes)}")));
            }
        }
        foreach (var plan in plans.Where(p => p.Kind == ResourceKind.AddressSpacePlan).Select(AddressSpacePlanObject.Bind))
        {
            var name = plan.Resource.Name;
            void Report(Node at, string message) => findings.Add((plan.Resource.File, new RawFinding(PolicyIds.Reference, at.Path, at.Start, message)));

            var spaceType = plan.AddressSpaceType;
            if (spaceType is not null && !policy.AddressSpaceTypes.ContainsKey(spaceType.Value))
            {
                Report(spaceType.Node, $"plan \"{name}\" is for address space type \"{spaceType.Value}\", which the policy does not allow");
            }

            var missingAddressPlan = false;
            foreach (var addressPlan in plan.AddressPlans)
            {
                var target = published.AddressPlan(addressPlan.Value);
                if (target is null)
                {
                    missingAddressPlan = true;
                    Report(addressPlan.Node, $"plan \"{name}\" lists address plan \"{addressPlan.Value}\", which is not published{Names.DidYouMean(addressPlan.Value, published.AddressPlans.Select(p => p.Name))}");
                }
                else if (spaceType is not null && policy.AddressSpaceTypes.TryGetValue(spaceType.Value, out var allowed) && target.AddressType is { } addressType && !allowed.Contains(addressType) && !badPlans.Contains(addressPlan.Value))
                {
                    Report(addressPlan.Node, $"plan \"{name}\" lists {addressType} plan \"{addressPlan.Value}\", but {spaceType.Value} address spaces do not allow {addressType}: remove it from the plan's addressPlans, or allow {addressType} in spec.addressSpaceTypes.{spaceType.Value}");
                }
            }

            // A plan EnMasse leaves out of its schema would be published to tenants and then fail every space that names it.
            if (!missingAddressPlan && published.AddressSpacePlan(name)?.Problem is { } problem)
            {
                Report(plan.InfraConfigRef?.Node ?? (Node?)plan.Resource.Metadata?.Get("name") ?? plan.Resource.Root, $"plan \"{name}\" is one EnMasse treats as unknown: {problem}");
            }
        }
    }
}
