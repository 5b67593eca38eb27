using System.ComponentModel;

namespace EnMasse.Webhook.Hosting;

/// <summary>How the serving certificate arrives.</summary>
[TypeConverter(typeof(KebabCaseEnumConverter<CertMode>))]
internal enum CertMode
{
    /// <summary>tls.crt and tls.key are mounted into the certificate directory.</summary>
    Files,

    /// <summary>The webhook keeps its own CA and pair in a Secret, rotates them and patches the caBundles.</summary>
    SelfManaged,
}
