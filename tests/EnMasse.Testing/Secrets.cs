namespace EnMasse.Testing;

/// <summary>Asserts that a text does not carry a secret in any form a reader could recover it from.</summary>
public static class Secrets
{
    /// <summary>Fails when <paramref name="text"/> holds <paramref name="secret"/> in any case, or its letters and digits in order with other characters between or around them removed.</summary>
    public static void AssertAbsent(string text, string secret)
    {
        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        var skeleton = Skeleton(secret);
        if (skeleton.Length >= 4)
        {
            Assert.False(Skeleton(text).Contains(skeleton, StringComparison.Ordinal), $"the letters and digits of the secret appear in: {text}");
        }
    }

    private static string Skeleton(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
