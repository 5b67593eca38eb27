using EnMasse.Cli.Console;

namespace EnMasse.Cli.Tests;

/// <summary>The README's first screen shows what its first command prints: each line shown must be one the command prints.</summary>
public sealed class ReadmeSampleTests
{
    [Fact]
    public void The_sample_findings_are_what_the_first_command_prints()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var start = readme.IndexOf("A finding reads like a compiler's:\n\n```\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md lost its sample of findings");
        var body = readme[(readme.IndexOf("```\n", start, StringComparison.Ordinal) + 4)..];
        var shown = body[..body.IndexOf("```", StringComparison.Ordinal)]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line != "...")
            .ToList();

        // As the README runs it: from the repository root, with the shipped policies.
        var output = new StringWriter();
        var console = new CliConsole(new MemoryStream(), output, new StringWriter(), false, _ => null, Repo.Root, "enmasse-policy");
        var exit = CliApp.Run(["validate", "examples/tenant-repo"], console);

        Assert.Equal(1, exit);
        var printed = output.ToString().Split('\n');
        Assert.NotEmpty(shown);
        Assert.All(shown, line => Assert.Contains(line, printed));
    }
}
