using EnMasse.Webhook.Hosting;

namespace EnMasse.Webhook.Tests;

public sealed class WebhookOptionsTests
{
    private static (WebhookOptions? Options, string? Error) Parse(params string[] args) => WebhookOptions.From(args, _ => null, development: false);

    [Fact]
    public void Flags_set_the_settings_and_catalog_repeats()
    {
        var (options, error) = Parse("--port", "9443", "--address=127.0.0.1", "--cert-dir", "/tmp/c", "--dev-cert", "--catalog", "/a.yaml", "--catalog", "/b.yaml");
        Assert.Null(error);
        Assert.Equal(9443, options!.Port);
        Assert.Equal("127.0.0.1", options.Address.ToString());
        Assert.Equal("/tmp/c", options.CertDir);
        Assert.True(options.DevCert);
        Assert.Equal(["/a.yaml", "/b.yaml"], options.Catalog);
    }

    [Fact]
    public void Configuration_is_used_when_no_flag_is_given()
    {
        var (options, _) = WebhookOptions.From([], key => key == "port" ? "7443" : null, development: false);
        Assert.Equal(7443, options!.Port);
        Assert.False(options.DevCert);
    }

    [Theory]
    [InlineData("--port", "eighty")]
    [InlineData("--port", "70000")]
    [InlineData("--address", "localhost:1")]
    [InlineData("--catalog-source", "etcd")]
    [InlineData("--verbose")]
    [InlineData("--port")]
    public void Bad_settings_are_refused_with_a_message(params string[] args)
    {
        var (options, error) = Parse(args);
        Assert.Null(options);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Development_turns_on_the_development_certificate() =>
        Assert.True(WebhookOptions.From([], _ => null, development: true).Options!.DevCert);
}
