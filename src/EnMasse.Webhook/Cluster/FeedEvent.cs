using EnMasse.Policy.Catalog;
using Model = EnMasse.Policy.Model;

namespace EnMasse.Webhook.Cluster;

/// <summary>What a watch hands the applying loop.</summary>
internal abstract record FeedEvent(WatchedResource Resource)
{
    /// <summary>A complete list: the resource's objects, replacing all it had. <see cref="Applied"/> completes once the catalogue holds them.</summary>
    public sealed record Listed(WatchedResource Resource, IReadOnlyList<(CatalogEntry Entry, Model.Resource? Tree)> Entries) : FeedEvent(Resource)
    {
        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>ADDED or MODIFIED with the object's entry, DELETED (or an object the catalogue has no place for) with none.</summary>
    public sealed record Changed(WatchedResource Resource, ObjectKey Key, CatalogEntry? Entry, Model.Resource? Tree) : FeedEvent(Resource);
}
