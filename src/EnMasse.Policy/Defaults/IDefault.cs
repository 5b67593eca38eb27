using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Defaults;

/// <summary>
/// A default of rules.md. It proposes additions for what the user left out; it never proposes
/// a value for a key that is present, so applying defaults twice changes nothing.
/// </summary>
public interface IDefault
{
    string Id { get; }

    ResourceKind Kind { get; }

    string Summary { get; }

    /// <summary>The additions for this object, as (pointer segments, value) pairs, parents before children; the catalogue says what the object refers to (its space plan's infra config).</summary>
    IEnumerable<(string[] Segments, Documents.Node Value)> Propose(Resource resource, AdmissionPolicy policy, ICatalog catalog);
}
