namespace EnMasse.Cli;

/// <summary>The exit codes of cli.md; deterministic and listed in --help.</summary>
internal static class ExitCodes
{
    /// <summary>No error findings (warnings allowed unless --strict).</summary>
    public const int Ok = 0;

    /// <summary>At least one error finding.</summary>
    public const int Findings = 1;

    /// <summary>The run could not be made: bad flags, a missing path, an invalid policy.</summary>
    public const int Usage = 2;

    /// <summary>An audit that could not read every resource: what it read was judged, and the rest is named on standard error.</summary>
    public const int Incomplete = 3;
}
