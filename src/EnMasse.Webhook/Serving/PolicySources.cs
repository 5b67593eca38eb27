namespace EnMasse.Webhook.Serving;

/// <summary>Where the served policy comes from: the policy directory and the --catalog paths (objects that exist).</summary>
internal sealed record PolicySources(string Policies, IReadOnlyList<string> Catalog);
