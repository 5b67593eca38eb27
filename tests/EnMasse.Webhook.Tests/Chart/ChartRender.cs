using System.Collections.Concurrent;
using EnMasse.Webhook.Hosting;
using Microsoft.AspNetCore.Routing;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>Each variant rendered once per test run, and what the real server serves.</summary>
internal static class ChartRender
{
    private static readonly ConcurrentDictionary<string, Lazy<Rendered>> Cache = new();

    private static readonly Lazy<IReadOnlySet<string>> Served = new(() =>
    {
        var app = WebhookApp.Build(["--port=0", "--address=127.0.0.1", $"--cert-dir={Path.GetTempPath()}", $"--policies={Repo.Policies}"], logging => { }, environment: WebhookServer.NoVariables);
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!).ToHashSet();
    });

    public static Rendered Of(ChartVariant variant)
    {
        ChartTools.RequireHelm();
        return Cache.GetOrAdd(variant.Name, _ => new Lazy<Rendered>(() => Helm.Template(variant.HelmArgs, release: variant.Release, ns: variant.Namespace))).Value;
    }

    public static Rendered Of(string variant) => Of(ChartVariant.Named(variant));

    /// <summary>The route patterns the real server maps (read from its endpoint data, not from a list of ours).</summary>
    public static IReadOnlySet<string> Routes => Served.Value;

    /// <summary>
    /// The server's settings from the container's args, as the pod starts it: POD_NAMESPACE comes
    /// from the pod's own namespace. Null with the server's message when it would not start.
    /// </summary>
    public static (WebhookOptions? Options, string? Error) ServerSettings(System.Text.Json.Nodes.JsonObject deployment, string ns)
    {
        var env = Rendered.Container(deployment)["env"]!.AsArray();
        var podNamespace = env.Any(e => Rendered.Str(e, "name") == "POD_NAMESPACE" && Rendered.Str(e, "valueFrom", "fieldRef", "fieldPath") == "metadata.namespace");
        return WebhookSettings.Load([.. Rendered.Args(deployment), .. podNamespace ? new[] { "--namespace=" + ns } : []], WebhookServer.NoVariables);
    }
}
