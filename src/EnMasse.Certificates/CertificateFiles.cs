namespace EnMasse.Certificates;

/// <summary>The four files of a certificate directory, named as Kubernetes TLS Secrets name them, and how they are written.</summary>
public static class CertificateFiles
{
    public const string CaCertificate = "ca.crt";
    public const string CaKey = "ca.key";
    public const string ServerCertificate = "tls.crt";
    public const string ServerKey = "tls.key";

    public static IReadOnlyList<string> All { get; } = [CaCertificate, CaKey, ServerCertificate, ServerKey];

    /// <summary>Writes the pair into <paramref name="directory"/> (created when missing); private keys are readable by the owner only.</summary>
    public static void Write(string directory, CertificatePair pair)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, CaCertificate), pair.CaCertificatePem);
        WritePrivate(Path.Combine(directory, CaKey), pair.CaKeyPem);
        File.WriteAllText(Path.Combine(directory, ServerCertificate), pair.ServerCertificatePem);
        WritePrivate(Path.Combine(directory, ServerKey), pair.ServerKeyPem);
    }

    /// <summary>Writes a PEM private key readable by the owner only.</summary>
    public static void WritePrivate(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
