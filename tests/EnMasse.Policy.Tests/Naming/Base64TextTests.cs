using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Tests.Naming;

/// <summary>
/// EnMasse's two base64 readers, as the ground truth measured them (Java 17's basic decoder,
/// Go's encoding/json for []byte): "YWI" Java takes and Go refuses; "YW\nJj" Go takes and Java refuses.
/// </summary>
public sealed class Base64TextTests
{
    [Theory]
    [InlineData("YWJj", "abc")]
    [InlineData("YWI=", "ab")]
    [InlineData("YWI", "ab")]
    [InlineData("YQ==", "a")]
    [InlineData("YQ", "a")]
    [InlineData("", "")]
    public void Java_takes_the_alphabet_with_or_without_padding(string input, string expected) =>
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(Base64Text.DecodeJava(input)!));

    [Theory]
    [InlineData("YW\nJj")]
    [InlineData("YW\r\nJj")]
    [InlineData("YW Jj")]
    [InlineData(" YWJj")]
    [InlineData("Y")]
    [InlineData("YQ=")]
    [InlineData("YWJj=")]
    [InlineData("YQ==YQ==")]
    [InlineData("YW-j")]
    public void Java_refuses_line_breaks_spaces_a_lone_character_and_bad_padding(string input) =>
        Assert.Null(Base64Text.DecodeJava(input));

    [Theory]
    [InlineData("YWJj", "abc")]
    [InlineData("YWI=", "ab")]
    [InlineData("YW\nJj", "abc")]
    [InlineData("YW\r\nI=\n", "ab")]
    [InlineData("", "")]
    public void Go_takes_padded_base64_and_skips_line_breaks(string input, string expected) =>
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(Base64Text.DecodeGo(input)!));

    [Theory]
    [InlineData("YWI")]
    [InlineData("YQ")]
    [InlineData("YW Jj")]
    [InlineData("YWJj\t")]
    [InlineData("YQ=")]
    public void Go_refuses_missing_padding_and_other_whitespace(string input) =>
        Assert.Null(Base64Text.DecodeGo(input));

    [Fact]
    public void Plain_text_read_as_unpadded_base64_is_no_utf8()
    {
        // What EnMasse 0.30 does with "password: mypassword": 7 bytes that are no text.
        var bytes = Base64Text.DecodeJava("mypassword")!;
        Assert.Equal(7, bytes.Length);
        Assert.False(Base64Text.IsUtf8(bytes));
        Assert.True(Base64Text.IsUtf8(Base64Text.DecodeJava("cGFzc3dvcmQ=")!));
    }
}
