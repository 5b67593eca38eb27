namespace EnMasse.Testing;

/// <summary>
/// The shared corpus of real EnMasse files and AdmissionReviews, in shared/corpus beside the
/// checkout (found by walking up from the test's directory). A user's fresh clone has none: a
/// test that needs it is skipped with <see cref="SkipReason"/>, so it must be a SkippableFact or
/// SkippableTheory. CI sets ENMASSE_REQUIRE_CORPUS=1 where the corpus exists, and then a missing
/// corpus fails the test instead of skipping it.
/// </summary>
public static class CorpusFiles
{
    public const string SkipReason = "../shared/corpus not found beside the checkout; corpus tests need it";

    public const string RequireVariable = "ENMASSE_REQUIRE_CORPUS";

    private static readonly string? Found = Walk.Up(d => Directory.Exists(System.IO.Path.Combine(d, "shared", "corpus"))) is { } parent
        ? System.IO.Path.Combine(parent, "shared", "corpus")
        : null;

    /// <summary>A path inside the corpus; skips the calling test when there is no corpus.</summary>
    public static string Path(params string[] parts)
    {
        if (Found is null)
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException($"{RequireVariable}=1 but {SkipReason}");
            }

            throw new SkipException(SkipReason);
        }

        return System.IO.Path.Combine([Found, .. parts]);
    }
}
