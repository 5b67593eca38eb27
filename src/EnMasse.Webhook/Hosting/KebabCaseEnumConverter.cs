using System.ComponentModel;
using System.Globalization;

namespace EnMasse.Webhook.Hosting;

/// <summary>Reads a setting such as <c>self-managed</c> into <c>SelfManaged</c>, and writes it back the same way, so flags keep their kebab-case values.</summary>
internal sealed class KebabCaseEnumConverter<T>() : EnumConverter(typeof(T))
    where T : struct, Enum
{
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && Enum.TryParse<T>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"\"{value}\" is not one of {string.Join(", ", Names())}");

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T typed ? ToName(typed) : base.ConvertTo(context, culture, value, destinationType);

    public static string ToName(T value) => string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static IEnumerable<string> Names() => Enum.GetValues<T>().Select(ToName);
}
