using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Collects the entries of one mapping for every reader (YAML, JSON, AdmissionReview objects):
/// source order, a repeated key reported as yaml.duplicate-key with the later copy kept (as
/// the API server's decoder keeps it), and a key lookup that keeps reading linear in the input.
/// </summary>
internal sealed class MappingBuilder(string path, List<RawFinding>? problems)
{
    private readonly List<NodeEntry> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public void Add(NodeEntry entry)
    {
        if (_index.TryGetValue(entry.Key, out var earlier))
        {
            problems?.Add(DuplicateKey.Finding(path, entry.Key, entry.KeyStart, _entries[earlier].KeyStart));
            _entries[earlier] = entry;
            return;
        }

        _index[entry.Key] = _entries.Count;
        _entries.Add(entry);
    }

    /// <summary>Adds an entry only when the key is not there yet: merge keys (&lt;&lt;) never override what the mapping says.</summary>
    public void AddIfAbsent(NodeEntry entry)
    {
        if (_index.TryAdd(entry.Key, _entries.Count))
        {
            _entries.Add(entry);
        }
    }

    public MappingNode Build(Position start, Position keyStart) => new(path, start, keyStart, _entries);
}
