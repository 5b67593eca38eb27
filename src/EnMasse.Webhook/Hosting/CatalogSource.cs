using System.ComponentModel;

namespace EnMasse.Webhook.Hosting;

/// <summary>Where the catalogue of existing objects comes from.</summary>
[TypeConverter(typeof(KebabCaseEnumConverter<CatalogSource>))]
internal enum CatalogSource
{
    /// <summary>The --catalog files (and the policy's plans).</summary>
    Files,

    /// <summary>A list and watch of the cluster's EnMasse objects.</summary>
    Cluster,
}
