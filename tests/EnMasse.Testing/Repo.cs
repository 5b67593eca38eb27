namespace EnMasse.Testing;

/// <summary>The checkout the tests run from, found by walking up from the test's own directory to Webhook.sln.</summary>
public static class Repo
{
    public static string Root { get; } = Walk.Up(d => File.Exists(Path.Combine(d, "Webhook.sln")))
        ?? throw new InvalidOperationException("cannot find the repository root (Webhook.sln) above the test directory");

    public static string Policies => Path.Combine(Root, "policies");

    public static string Plans => Path.Combine(Root, "policies", "plans");

    public static string Examples => Path.Combine(Root, "examples");
}

internal static class Walk
{
    /// <summary>The nearest directory at or above the test binaries for which <paramref name="test"/> holds.</summary>
    public static string? Up(Func<string, bool> test)
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (test(dir))
            {
                return dir;
            }
        }

        return null;
    }
}
