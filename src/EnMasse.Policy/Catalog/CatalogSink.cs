using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// Lays the EnMasse objects of --catalog files into a builder as the reader reads them,
/// keeping no tree unless the builder keeps objects (<see cref="CatalogBuilder.KeepingObjects"/>):
/// a dump of 100,000 addresses costs their entries, not their documents. A List's items are
/// taken one by one and held until the List's own kind (which kubectl writes after the items)
/// shows it is one; items without apiVersion and kind, and nested lists, are left to the list
/// they belong to. What ends in the builder is what <see cref="CatalogBuilder.AddFiles"/> adds
/// for the same files, objects kept whole included.
/// </summary>
public sealed class CatalogSink(CatalogBuilder builder, string defaultNamespace) : IDocumentSink
{
    /// <summary>Each item whole when the builder keeps objects (it files the entry too), else its entry alone.</summary>
    private readonly List<(Resource? Whole, CatalogEntry? Entry)> _items = [];

    public bool TakeItem(SourceDocument item)
    {
        // A typed list's items without apiVersion or kind take them from the list, and a list
        // inside the list is flattened: both stay in the document for ListExpander.
        if (item.Root is not MappingNode mapping || mapping.Get("apiVersion") is null || mapping.Get("kind") is null || ListExpander.IsList(mapping))
        {
            return false;
        }

        if (Resource.From(item.Root, defaultNamespace, item.File) is not { } resource)
        {
            return true;
        }

        if (builder.KeepingObjects)
        {
            _items.Add((resource, null));
        }
        else if (CatalogEntry.From(resource) is { } entry)
        {
            _items.Add((null, entry));
        }

        return true;
    }

    public void Add(SourceDocument document)
    {
        if (ListExpander.IsList(document.Root))
        {
            foreach (var (whole, entry) in _items)
            {
                if (whole is not null)
                {
                    builder.Add(whole);
                }
                else
                {
                    builder.Set(entry!);
                }
            }
        }

        _items.Clear();
        builder.AddFiles([new ReadResult(document.File ?? string.Empty, [document], [])], defaultNamespace);
    }
}
