using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Loading;

/// <summary>
/// Checks spec.tenants, where a mistake would silently grant or refuse: every plan an entry
/// grants is published, its name pattern compiles for linear-time matching, its limits are whole
/// numbers, each namespace glob can match some namespace, and no namespace it names is matched
/// first by an earlier entry (the first match applies, so that part of the entry is dead).
/// </summary>
internal static class TenantCheck
{
    public static void Check(IReadOnlyList<PolicyTenant> tenants, CatalogSnapshot published, List<(string? File, RawFinding Finding)> findings)
    {
        void Report(string id, Node at, string message) => findings.Add((null, new RawFinding(id, at.Path, at.Start, message)));

        for (var i = 0; i < tenants.Count; i++)
        {
            var tenant = tenants[i];
            var label = $"spec.tenants[{i}]";
            if (tenant.Namespaces.Count == 0)
            {
                Report(PolicyIds.Value, tenant.Node.Get("namespaces") ?? tenant.Node, $"{label} names no namespace, so it never applies; list namespace names or globs such as team-*");
            }

            var live = new List<Text>();
            foreach (var glob in tenant.Namespaces)
            {
                if (Names.GlobCanMatchDnsLabel(glob.Value))
                {
                    live.Add(glob);
                }
                else
                {
                    Report(PolicyIds.Value, glob.Node, $"namespace \"{glob.Value}\" of {label} can never match: a namespace name has lowercase letters, digits and '-', starts and ends with a letter or digit and has at most 63 characters (* matches any run of them)");
                }
            }

            CheckShadowing(tenants, i, live, Report);

            foreach (var plan in (tenant.AddressSpacePlans ?? []).Where(p => published.AddressSpacePlan(p.Value) is null))
            {
                Report(PolicyIds.Reference, plan.Node, $"{label} grants address space plan \"{plan.Value}\", which is not published{Names.DidYouMean(plan.Value, published.AddressSpacePlans.Select(p => p.Name))}");
            }

            foreach (var plan in (tenant.AddressPlans ?? []).Where(p => published.AddressPlan(p.Value) is null))
            {
                Report(PolicyIds.Reference, plan.Node, $"{label} grants address plan \"{plan.Value}\", which is not published{Names.DidYouMean(plan.Value, published.AddressPlans.Select(p => p.Name))}");
            }

            if (tenant.AddressSpaceNames is { } pattern && NamePattern.Compile(pattern.Value).Error is { } error)
            {
                Report(PolicyIds.Value, pattern.Node, $"{label}.addressSpaceNames is not a regular expression the rules can use (they match in linear time, so backreferences, lookarounds and atomic groups are refused): {error}");
            }

            foreach (var limit in tenant.Limits.Where(l => PolicyTenant.LimitValue(l) is null))
            {
                Report(PolicyIds.Value, limit, $"\"{limit.Path}\" must be a whole number from 0 to {int.MaxValue}");
            }
        }
    }

    /// <summary>
    /// A glob is dead when an earlier entry's glob covers it. An entry whose every glob is dead
    /// never applies and is reported once; otherwise each dead glob is.
    /// </summary>
    private static void CheckShadowing(IReadOnlyList<PolicyTenant> tenants, int index, IReadOnlyList<Text> globs, Action<string, Node, string> report)
    {
        var shadowed = new List<(Text Glob, PolicyTenant By, Text ByGlob)>();
        foreach (var glob in globs)
        {
            var cover = tenants.Take(index)
                .SelectMany(earlier => earlier.Namespaces.Select(g => (Entry: earlier, Glob: g)))
                .FirstOrDefault(e => Names.GlobCovers(e.Glob.Value, glob.Value));
            if (cover.Entry is not null)
            {
                shadowed.Add((glob, cover.Entry, cover.Glob));
            }
        }

        const string Fix = "the first entry whose namespaces match applies: move this entry above it, or narrow the earlier one";
        if (shadowed.Count > 0 && shadowed.Count == globs.Count)
        {
            var earlier = string.Join(", ", shadowed.Select(s => $"spec.tenants[{s.By.Index}] (\"{s.ByGlob.Value}\")").Distinct());
            report(PolicyIds.Value, tenants[index].Node, $"spec.tenants[{index}] never applies: every namespace it names is matched first by {earlier}; {Fix}");
            return;
        }

        foreach (var (glob, by, byGlob) in shadowed)
        {
            report(PolicyIds.Value, glob.Node, $"namespace \"{glob.Value}\" of spec.tenants[{index}] is matched first by spec.tenants[{by.Index}] (\"{byGlob.Value}\"), so this entry never applies to it; {Fix}");
        }
    }
}
