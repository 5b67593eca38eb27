using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// Lays the EnMasse objects of --catalog files into a builder as the reader reads them,
/// keeping no tree: a dump of 100,000 addresses costs their entries, not their documents. A
/// List's items are taken one by one and kept as entries until the List's own kind (which
/// kubectl writes after the items) shows it is one; items without apiVersion and kind, and
/// nested lists, are left to the list they belong to. What ends in the builder is what
/// <see cref="CatalogBuilder.AddFiles"/> adds for the same files.
/// </summary>
public sealed class CatalogSink(CatalogBuilder builder, string defaultNamespace) : IDocumentSink
{
    private readonly List<CatalogEntry> _items = [];

    public bool TakeItem(SourceDocument item)
    {
        // A typed list's items without apiVersion or kind take them from the list, and a list
        // inside the list is flattened: both stay in the document for ListExpander.
        if (item.Root is not MappingNode mapping || mapping.Get("apiVersion") is null || mapping.Get("kind") is null || ListExpander.IsList(mapping))
        {
            return false;
        }

        if (Resource.From(item.Root, defaultNamespace, item.File) is { } resource && CatalogEntry.From(resource) is { } entry)
        {
            _items.Add(entry);
        }

        return true;
    }

    public void Add(SourceDocument document)
    {
        if (ListExpander.IsList(document.Root))
        {
            foreach (var entry in _items)
            {
                builder.Set(entry);
            }
        }

        _items.Clear();
        builder.AddFiles([new ReadResult(document.File ?? string.Empty, [document], [])], defaultNamespace);
    }
}
