using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.endpoint</c>: endpoints are named uniquely, use a service the type offers, and are exposed in a way EnMasse supports.</summary>
public sealed class AddressSpaceEndpointRule : TenantRule<AddressSpaceObject>
{
    private static readonly string[] StandardServices = ["messaging", "mqtt", "console"];
    private static readonly string[] BrokeredServices = ["messaging", "console"];
    private static readonly string[] ExposeTypes = ["route", "loadbalancer"];
    private static readonly string[] RoutePorts = ["amqps", "https", "secure-mqtt"];
    private static readonly string[] Terminations = ["passthrough", "reencrypt"];

    public override string Id => RuleIds.AddressSpaceEndpoint;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "endpoint names are unique; service is one the type offers; expose.type is route or loadbalancer (a route on kubernetes is a warning)";

    /// <summary>The services an address space type offers (standard's for a type EnMasse does not know).</summary>
    public static IReadOnlyList<string> Services(string? type) => type == "brokered" ? BrokeredServices : StandardServices;

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var services = Services(subject.Type?.Value);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in subject.Endpoints)
        {
            if (endpoint.Name is not { } name)
            {
                context.ReportMissing(endpoint.Node, "name", $"endpoint {endpoint.Index} needs a name that identifies it in the address space");
            }
            else if (!seen.Add(name.Value))
            {
                context.Report(name, $"endpoint name \"{name.Value}\" is used twice; endpoint names must be unique in the address space");
            }

            if (endpoint.Service is not { } service)
            {
                context.ReportMissing(endpoint.Node, "service", $"endpoint {Label(endpoint)} needs a service: one of {Names.List(services)}");
            }
            else if (!services.Contains(service.Value))
            {
                context.Report(service, $"service \"{service.Value}\" is not offered by {subject.Type?.Value ?? "this"} address spaces; allowed: {Names.List(services)}{Names.DidYouMean(service.Value, services)}");
            }

            CheckExpose(endpoint, context);
        }
    }

    private static void CheckExpose(EndpointView endpoint, RuleContext context)
    {
        if (endpoint.Expose is not { } expose)
        {
            return;
        }

        if (endpoint.ExposeType is not { } type)
        {
            context.ReportMissing(expose, "type", $"endpoint {Label(endpoint)} exposes itself without expose.type: use route or loadbalancer");
            return;
        }

        switch (type.Value)
        {
            case "route":
                if (context.Policy.Platform == Platform.Kubernetes)
                {
                    context.Report(type, $"endpoint {Label(endpoint)} is exposed as a route, which only OpenShift serves; on kubernetes use expose.type loadbalancer", Severity.Warning);
                }

                if (NodeRead.String(expose, "routeTlsTermination") is not { } termination)
                {
                    context.ReportMissing(expose, "routeTlsTermination", $"a route needs routeTlsTermination: {Names.List(Terminations)}");
                }
                else if (!Terminations.Contains(termination.Value))
                {
                    context.Report(termination, $"routeTlsTermination \"{termination.Value}\" is not supported; allowed: {Names.List(Terminations)}");
                }

                if (context.Release.AtLeast(33) && !NodeRead.Has(expose, "routeServicePort"))
                {
                    context.ReportMissing(expose, "routeServicePort", $"{context.Release.Label}'s CRD requires routeServicePort for a route: amqps (messaging), secure-mqtt (mqtt), https (console)");
                }
                else if (NodeRead.String(expose, "routeServicePort") is { } port && !RoutePorts.Contains(port.Value))
                {
                    context.Report(port, $"routeServicePort \"{port.Value}\" is not supported; allowed: amqps (messaging), secure-mqtt (mqtt), https (console)");
                }

                break;
            case "loadbalancer":
                if (!NodeRead.Has(expose, "loadBalancerPorts"))
                {
                    context.ReportMissing(expose, "loadBalancerPorts", "a loadbalancer needs loadBalancerPorts, e.g. [amqps]");
                }

                break;
            default:
                context.Report(type, $"expose.type \"{type.Value}\" is not supported; allowed: {Names.List(ExposeTypes)}{Names.DidYouMean(type.Value, ExposeTypes)}");
                break;
        }
    }

    private static string Label(EndpointView endpoint) => endpoint.Name is { } name ? $"\"{name.Value}\"" : endpoint.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
