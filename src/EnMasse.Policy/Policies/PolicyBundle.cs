using EnMasse.Policy.Catalog;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Policies;

/// <summary>A loaded policy directory: the settings and the published catalogue of plans. Swapped whole on reload.</summary>
public sealed record PolicyBundle(AdmissionPolicy Policy, CatalogSnapshot Published, string Source);

/// <summary>A policy directory's load: a bundle, or the findings that stopped it. Never half of one.</summary>
public sealed record PolicyLoadResult(PolicyBundle? Bundle, IReadOnlyList<Finding> Findings)
{
    public bool Succeeded => Bundle is not null;
}
