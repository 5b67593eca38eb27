using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The UPDATEs that are not judged at all. In EnMasse 0.31-0.33, Address and AddressSpace have
/// no status subresource: the controllers write status and add or remove finalizers with
/// full-object updates, and a denied one stops a reconcile pass or leaves an object stuck in
/// Terminating. So an update that changes neither spec nor a protected annotation (status,
/// finalizers, labels, other annotations, managedFields) is allowed, and so is any update of an
/// object being deleted (removing the last finalizer must always succeed).
/// </summary>
public static class UpdateScope
{
    /// <param name="defaulted">The updated object with the defaults applied; asked for only when the spec differs.</param>
    public static bool JudgesNothing(Resource updated, Resource stored, Func<Resource> defaulted)
    {
        if (IsTerminating(updated) || IsTerminating(stored))
        {
            return true;
        }

        if (ProtectedAnnotations.All.Any(key => !NodeEquality.Same(Annotation(updated, key), Annotation(stored, key))))
        {
            return false;
        }

        if (NodeEquality.Same(updated.Root.Get("spec"), stored.Root.Get("spec")))
        {
            return true;
        }

        // A file that leaves out what the defaults filled in at creation describes the stored
        // spec all the same: kubectl apply keeps fields its file never set.
        return NodeEquality.Same(defaulted().Root.Get("spec"), stored.Root.Get("spec"));
    }

    private static bool IsTerminating(Resource resource) => NodeRead.Has(resource.Metadata, "deletionTimestamp");

    private static Node? Annotation(Resource resource, string key) => NodeRead.Map(resource.Metadata, "annotations")?.Get(key);
}
