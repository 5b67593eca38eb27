using System.Text;

namespace EnMasse.Policy.Model;

/// <summary>
/// The Keycloak realm EnMasse gives an address space: its enmasse.io/realm-name annotation when
/// set, else KubeUtil.sanitizeName(namespace + "-" + name): lower case, only a-z, 0-9 and '-',
/// a leading '-' made '1', cut to 60 characters, a trailing '-' made '1'.
/// </summary>
public static class RealmName
{
    public const int MaxLength = 60;

    public static string Derive(string @namespace, string name) => Sanitize(@namespace + "-" + name);

    public static string Of(string @namespace, string name, string? annotation) =>
        string.IsNullOrEmpty(annotation) ? Derive(@namespace, name) : annotation;

    public static string Sanitize(string value)
    {
        var clean = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                clean.Append(c);
            }
        }

        if (clean.Length > 0 && clean[0] == '-')
        {
            clean[0] = '1';
        }

        if (clean.Length > MaxLength)
        {
            clean.Length = MaxLength;
        }

        if (clean.Length > 0 && clean[^1] == '-')
        {
            clean[^1] = '1';
        }

        return clean.ToString();
    }
}
