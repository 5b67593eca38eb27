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
            case var flag when TryBoolean(flag, out _):
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

    /// <summary>
    /// The value of a YAML 1.1 boolean as kubectl reads it (true, yes, on, y and their capitalised
    /// forms; false, no, off, n); false for anything else. The one list of them in the product.
    /// </summary>
    public static bool TryBoolean(string value, out bool result)
    {
        switch (value)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                result = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
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
