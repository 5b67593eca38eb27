namespace EnMasse.Cli.Output;

/// <summary>How a finding without a file is named in every format.</summary>
internal static class InputNames
{
    public const string Unnamed = "<input>";
}
