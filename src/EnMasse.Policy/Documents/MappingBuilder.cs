using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Collects the entries of one mapping for every reader (YAML, JSON, AdmissionReview objects):
/// source order, a repeated key reported as yaml.duplicate-key with the later copy kept (as
/// the API server's decoder keeps it), and a key lookup that keeps reading linear in the input.
/// </summary>
internal sealed class MappingBuilder(string path, List<RawFinding>? problems)
{
    /// <summary>
    /// Up to this many keys a scan finds a key faster than a hash table costs to build; past it
    /// the table is built once and kept, so a mapping of any size is still read in linear time.
    /// Most Kubernetes mappings have fewer keys: a table per mapping was a third of reading time.
    /// </summary>
    private const int ScanLimit = 8;

    private readonly List<NodeEntry> _entries = [];
    private Dictionary<string, int>? _index;

    public void Add(NodeEntry entry)
    {
        var earlier = IndexOf(entry.Key);
        if (earlier >= 0)
        {
            problems?.Add(DuplicateKey.Finding(path, entry.Key, entry.KeyStart, _entries[earlier].KeyStart));
            _entries[earlier] = entry;
            return;
        }

        Append(entry);
    }

    /// <summary>Adds an entry only when the key is not there yet: merge keys (&lt;&lt;) never override what the mapping says.</summary>
    public void AddIfAbsent(NodeEntry entry)
    {
        if (IndexOf(entry.Key) < 0)
        {
            Append(entry);
        }
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var at) ? at : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(NodeEntry entry)
    {
        _entries.Add(entry);
        if (_index is not null)
        {
            _index[entry.Key] = _entries.Count - 1;
        }
        else if (_entries.Count > ScanLimit)
        {
            _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }
    }

    public MappingNode Build(Position start, Position keyStart) => new(path, start, keyStart, _entries);
}
