using System.Text.RegularExpressions;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Resolves a plain YAML scalar the way kubectl does (sigs.k8s.io/yaml over YAML 1.1 rules), so
/// that <c>plan: yes</c> is a boolean here exactly as it is once applied.
/// </summary>
public static partial class ScalarResolver
{
    public static ScalarType ResolvePlain(string value)
    {
        if (value.Length == 0)
        {
            return ScalarType.Null;
        }

        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
                return ScalarType.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
                or "yes" or "Yes" or "YES" or "no" or "No" or "NO"
                or "on" or "On" or "ON" or "off" or "Off" or "OFF"
                or "y" or "Y" or "n" or "N":
                return ScalarType.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF"
                or ".nan" or ".NaN" or ".NAN":
                return ScalarType.Float;
        }

        var first = value[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.'))
        {
            return ScalarType.String;
        }

        if (IntPattern().IsMatch(value))
        {
            return ScalarType.Int;
        }

        return FloatPattern().IsMatch(value) ? ScalarType.Float : ScalarType.String;
    }

    /// <summary>Maps an explicit YAML tag to a type; null when the tag is not a core type.</summary>
    public static ScalarType? ResolveTag(string tag) => tag switch
    {
        "tag:yaml.org,2002:str" => ScalarType.String,
        "tag:yaml.org,2002:int" => ScalarType.Int,
        "tag:yaml.org,2002:float" => ScalarType.Float,
        "tag:yaml.org,2002:bool" => ScalarType.Bool,
        "tag:yaml.org,2002:null" => ScalarType.Null,
        _ => null,
    };

    [GeneratedRegex("^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
