using EnMasse.Policy.Catalog;
using Model = EnMasse.Policy.Model;

namespace EnMasse.Webhook.Cluster;

/// <summary>What a watch hands the applying loop.</summary>
internal abstract record FeedEvent(WatchedResource Resource)
{
    /// <summary>A complete list: the resource's objects, replacing all it had. <see cref="Applied"/> completes once the catalogue holds them.</summary>
    public sealed record Listed(WatchedResource Resource, IReadOnlyList<(ObjectKey Key, CatalogEntry? Entry, Model.Resource? Tree)> Entries) : FeedEvent(Resource)
    {
        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// ADDED or MODIFIED with the object's entry and/or the object whole (when objects are kept;
    /// an object the indexes have no place for has only that), DELETED with neither.
    /// </summary>
    public sealed record Changed(WatchedResource Resource, ObjectKey Key, CatalogEntry? Entry, Model.Resource? Tree) : FeedEvent(Resource)
    {
        public bool Deleted => Entry is null && Tree is null;
    }
}
