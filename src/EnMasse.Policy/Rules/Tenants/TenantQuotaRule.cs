using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary>
/// <c>tenant.quota</c>: a new AddressSpace, Address or MessagingUser stays within the limits of
/// its namespace's spec.tenants entry: maxAddressSpaces per namespace, maxAddresses and
/// maxMessagingUsers per address space. Counted in the catalogue (<see cref="ICatalog.Origin"/>
/// says which objects that is) with the object under review in it once. Judged on CREATE: an
/// UPDATE adds no object, so it never trips a quota, however full the namespace is. An audit,
/// whose UPDATEs do not ratchet, judges what exists, and reports every object of a namespace or
/// space over its limit.
/// </summary>
public sealed class TenantQuotaRule : ITenantRule
{
    public string Id => RuleIds.TenantQuota;

    public Severity DefaultSeverity => Severity.Error;

    public Severity AdmissionSeverity => Severity.Error;

    public bool Fixed => false;

    public string Summary => "a new AddressSpace, Address or MessagingUser stays within maxAddressSpaces (per namespace), maxAddresses or maxMessagingUsers (per address space) of the namespace's spec.tenants entry; judged on CREATE (and by an audit)";

    public IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.AddressSpace, ResourceKind.Address, ResourceKind.MessagingUser];

    public void Check(RuleContext context)
    {
        var subject = context.Subject;
        if ((context.Operation != Operation.Create && context.Ratchets) || context.Policy.TenantOf(subject.Namespace) is not { } tenant)
        {
            return;
        }

        var catalog = context.Catalog;
        var ns = subject.Namespace;
        switch (subject)
        {
            case AddressSpaceObject when tenant.MaxAddressSpaces is { } max:
                Judge(context, tenant, "maxAddressSpaces", max, catalog.AddressSpaceCount(ns), $"namespace \"{ns}\"", ("address space", "address spaces"));
                break;
            case AddressObject { SpaceName: { Length: > 0 } space } when tenant.MaxAddresses is { } max:
                Judge(context, tenant, "maxAddresses", max, catalog.AddressCount(ns, space), $"address space \"{space}\" of namespace \"{ns}\"", ("address", "addresses"));
                break;
            case MessagingUserObject { SpaceName: { Length: > 0 } space } when tenant.MaxMessagingUsers is { } max:
                Judge(context, tenant, "maxMessagingUsers", max, catalog.UserCount(ns, space), $"address space \"{space}\" of namespace \"{ns}\"", ("messaging user", "messaging users"));
                break;
        }
    }

    private static string Noun(int count, (string One, string Many) what) => count == 1 ? what.One : what.Many;

    /// <param name="counted">What the catalogue holds. Offline it holds the checked files, this object among them; online a CREATE's object is not there yet, unless it exists already (a repeated create, a watch that has not seen a delete). Either way the object counts once.</param>
    private static void Judge(RuleContext context, TenantEntitlement tenant, string field, int max, int counted, string where, (string One, string Many) what)
    {
        var subject = context.Subject;
        var others = context.Catalog.Entry(new ObjectKey(subject.Resource.Kind, subject.Namespace, subject.Name)) is null ? counted : counted - 1;
        var total = others + 1;
        if (total <= max)
        {
            return;
        }

        var counting = others == 0 ? "this one alone" : $"this one and {others} in {context.Catalog.Origin}";
        context.Report(subject.NameNode, context.Operation == Operation.Create
            ? $"{where} would hold {total} {Noun(total, what)} ({counting}); {field} of {tenant.Label} is {max}. Remove one first, or ask the platform team to raise the limit"
            : $"{where} holds {total} {Noun(total, what)} ({counting}), {total - max} more than {field} of {tenant.Label} allows ({max}); remove {total - max}, or ask the platform team to raise the limit");
    }
}
