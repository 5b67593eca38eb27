using EnMasse.Policy.Catalog;
using EnMasse.Policy.Engine;

namespace EnMasse.Webhook.Serving;

/// <summary>The engine and catalogue the webhook serves, swapped together, whole, on a good reload.</summary>
internal sealed record ServingState(PolicyEngine Engine, CatalogSnapshot Catalog);
