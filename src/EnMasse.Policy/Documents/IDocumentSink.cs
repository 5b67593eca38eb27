namespace EnMasse.Policy.Documents;

/// <summary>
/// Takes a file's documents as a reader finishes them, instead of a list at the end, so that a
/// large file (a `kubectl get -o yaml` dump of a whole cluster is one List document) never
/// sits in memory whole. The readers' limits and checks are the same either way.
/// </summary>
public interface IDocumentSink
{
    /// <summary>
    /// Offered each item of a document's top-level <c>items</c> list as soon as it is read,
    /// before the document's own kind is known. True when the sink took it: the item is then
    /// left out of the document handed to <see cref="Add"/>.
    /// </summary>
    bool TakeItem(SourceDocument item);

    /// <summary>Each document, in order, without the items the sink took.</summary>
    void Add(SourceDocument document);
}
