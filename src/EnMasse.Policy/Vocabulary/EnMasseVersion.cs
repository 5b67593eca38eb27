using System.Globalization;

namespace EnMasse.Policy.Vocabulary;

/// <summary>
/// An EnMasse release line the rules judge for, 0.26 to 0.33. Field sets, enums, required fields
/// and what EnMasse itself checks differ between them; findings that depend on it name it.
/// </summary>
public readonly record struct EnMasseVersion(int Minor) : IComparable<EnMasseVersion>
{
    public const int OldestMinor = 26;
    public const int NewestMinor = 33;

    /// <summary>
    /// The version a policy that names none is judged for: 0.31, the first release whose tenant
    /// API is served by CRDs (the only kind an admission webhook sees), and the field set the
    /// base schemas follow.
    /// </summary>
    public static EnMasseVersion Default { get; } = new(31);

    public static IReadOnlyList<EnMasseVersion> Supported { get; } =
        [.. Enumerable.Range(OldestMinor, NewestMinor - OldestMinor + 1).Select(m => new EnMasseVersion(m))];

    /// <summary>The names the policy and --enmasse-version accept: 0.26 ... 0.33.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Supported.Select(v => v.ToString())];

    /// <summary>"0.31" or a patch release "0.31.2"; false for anything else or a release outside 0.26-0.33.</summary>
    public static bool TryParse(string? text, out EnMasseVersion version)
    {
        version = Default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 2 or 3 } || parts[0] != "0"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || minor is < OldestMinor or > NewestMinor)
        {
            return false;
        }

        version = new EnMasseVersion(minor);
        return true;
    }

    /// <summary>True from the given release on, e.g. <c>AtLeast(31)</c> for the CRD-based releases.</summary>
    public bool AtLeast(int minor) => Minor >= minor;

    /// <summary>True up to and including the given release, e.g. <c>AtMost(30)</c> for the aggregated API server.</summary>
    public bool AtMost(int minor) => Minor <= minor;

    /// <summary>"EnMasse 0.31", as messages name it.</summary>
    public string Label => "EnMasse " + this;

    public int CompareTo(EnMasseVersion other) => Minor.CompareTo(other.Minor);

    public override string ToString() => "0." + Minor.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(EnMasseVersion a, EnMasseVersion b) => a.Minor < b.Minor;

    public static bool operator >(EnMasseVersion a, EnMasseVersion b) => a.Minor > b.Minor;

    public static bool operator <=(EnMasseVersion a, EnMasseVersion b) => a.Minor <= b.Minor;

    public static bool operator >=(EnMasseVersion a, EnMasseVersion b) => a.Minor >= b.Minor;
}
