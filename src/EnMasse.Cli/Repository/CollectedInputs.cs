using EnMasse.Cli.Output;
using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Repository;

/// <summary>
/// The files to judge, in groups judged apart: the plain files of the paths (one group, so an
/// Address may name an AddressSpace of another file), then each kustomize build on its own (an
/// overlay for dev and one for prod are not one cluster). Notes say what was passed over.
/// </summary>
internal sealed record CollectedInputs(IReadOnlyList<ReadResult> Files, IReadOnlyList<ReadResult> Builds, IReadOnlyList<Note> Notes)
{
    public IEnumerable<IReadOnlyList<ReadResult>> Groups
    {
        get
        {
            if (Files.Count > 0 || Builds.Count == 0)
            {
                yield return Files;
            }

            foreach (var build in Builds)
            {
                yield return [build];
            }
        }
    }

    public IEnumerable<ReadResult> All => Files.Concat(Builds);
}
