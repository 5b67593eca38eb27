using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// How the offline doors judge an object of a checked file, so that validate and mutate cannot
/// differ: what exists is the policy's plans, the --catalog objects and the checked files (an
/// Address may name an AddressSpace of the same change); an object's stored version comes from
/// the --catalog objects only, and makes the judgement an UPDATE.
/// </summary>
public sealed class OfflineCheck
{
    /// <summary>How counts name the offline catalogue (<see cref="ICatalog.Origin"/>).</summary>
    public const string Origin = "the checked files and --catalog";

    private readonly Dictionary<ObjectKey, Resource> _stored = [];
    private readonly CatalogSnapshot _catalog;
    private readonly PolicyEngine _engine;
    private readonly EnforcementPoint _point;

    public OfflineCheck(PolicyBundle bundle, IReadOnlyList<ReadResult> files, IReadOnlyList<ReadResult> catalogFiles, string? @namespace, EnforcementPoint point)
    {
        Namespace = string.IsNullOrEmpty(@namespace) ? Resource.DefaultNamespace : @namespace;
        _catalog = new CatalogBuilder(bundle.Published).AddFiles(catalogFiles, Namespace).AddFiles(files, Namespace).WithOrigin(Origin).Build();

        // Only the stored versions of checked objects are kept: a --catalog dump of the whole
        // cluster is otherwise needed only for its catalogue entries.
        var checkedKeys = files.SelectMany(f => Resource.AllIn(f, Namespace)).Select(r => ObjectKey.Of(r.Resource)).ToHashSet();
        foreach (var (_, resource) in catalogFiles.SelectMany(f => Resource.AllIn(f, Namespace)))
        {
            if (checkedKeys.Contains(ObjectKey.Of(resource)))
            {
                _stored[ObjectKey.Of(resource)] = resource;
            }
        }
        _engine = new PolicyEngine(bundle);
        _point = point;
    }

    /// <summary>The namespace of objects that name none.</summary>
    public string Namespace { get; }

    public CheckedResource Evaluate(SourceDocument document, Resource resource)
    {
        var old = _stored.GetValueOrDefault(ObjectKey.Of(resource));
        var operation = old is null ? Operation.Create : Operation.Update;
        var decision = _engine.Evaluate(EvaluationRequest.ForDocument(document, operation, old?.Root, Namespace, _point), _catalog);
        return new CheckedResource(resource, operation, decision);
    }
}
