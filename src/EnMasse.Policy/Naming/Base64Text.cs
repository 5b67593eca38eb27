namespace EnMasse.Policy.Naming;

/// <summary>
/// Base64 as EnMasse's own decoders read it, which differ: Java's basic decoder (certificates
/// in every release, passwords up to 0.30) refuses anything outside the alphabet, line breaks and
/// spaces included, but takes a missing '=' padding; Go's standard encoding as encoding/json reads
/// a []byte (passwords from 0.31) skips CR and LF but requires the padding.
/// </summary>
public static class Base64Text
{
    /// <summary>The bytes Java's <c>Base64.getDecoder().decode</c> gives, or null where it throws.</summary>
    public static byte[]? DecodeJava(string value) => Decode(value, skipLineBreaks: false, paddingRequired: false);

    /// <summary>The bytes Go's <c>base64.StdEncoding</c> gives, or null where it fails.</summary>
    public static byte[]? DecodeGo(string value) => Decode(value, skipLineBreaks: true, paddingRequired: true);

    /// <summary>True when the bytes are well-formed UTF-8: the password EnMasse sets is that text.</summary>
    public static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = Strict.GetString(bytes);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static byte[]? Decode(string value, bool skipLineBreaks, bool paddingRequired)
    {
        var output = new List<byte>(value.Length * 3 / 4);
        int bits = 0, count = 0, i = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (skipLineBreaks && c is '\r' or '\n')
            {
                continue;
            }

            if (c == '=')
            {
                break;
            }

            var sextet = Sextet(c);
            if (sextet < 0)
            {
                return null;
            }

            bits = (bits << 6) | sextet;
            if (++count == 4)
            {
                output.Add((byte)(bits >> 16));
                output.Add((byte)(bits >> 8));
                output.Add((byte)bits);
                bits = count = 0;
            }
        }

        // A final unit of one character carries no whole byte in either decoder.
        if (count == 1)
        {
            return null;
        }

        var padding = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (skipLineBreaks && c is '\r' or '\n')
            {
                continue;
            }

            if (c != '=' || count == 0)
            {
                return null;
            }

            padding++;
        }

        var expectedPadding = count == 0 ? 0 : 4 - count;
        if (padding != 0 && padding != expectedPadding)
        {
            return null;
        }

        if (paddingRequired && padding != expectedPadding)
        {
            return null;
        }

        if (count == 2)
        {
            output.Add((byte)(bits >> 4));
        }
        else if (count == 3)
        {
            output.Add((byte)(bits >> 10));
            output.Add((byte)(bits >> 2));
        }

        return [.. output];
    }

    private static int Sextet(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
