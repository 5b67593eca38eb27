using System.Text;
using CsCheck;

namespace EnMasse.Cli.Tests;

/// <summary>
/// Properties over generated hostile files run through the real command in every format: the
/// exit code is the same in all five and is never an internal error, and no output carries the
/// object's password in any case or encoding.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FormatProperties
{
    private static readonly string[] Formats = ["text", "json", "junit", "sarif", "github"];

    private static readonly Gen<(string Extension, byte[] Bytes, string? Password)> Inputs = Gen.Frequency(
        (3, Hostile.File.Select(f => (f.Extension, f.Bytes, (string?)null))),
        (2, Hostile.UserWithSecret.Select(u => (".yaml", Encoding.UTF8.GetBytes(Hostile.Yaml(u.User)), (string?)u.Password))));

    [Fact]
    public void Every_format_exits_alike_and_shows_no_secret() =>
        Inputs.Sample(
            input =>
            {
                using var run = new CliRun();
                File.WriteAllBytes(Path.Combine(run.Directory, "input" + input.Extension), input.Bytes);
                var exits = new HashSet<int>();
                foreach (var format in Formats)
                {
                    var (exit, output, error) = run.Run("validate", "input" + input.Extension, "--output", format);
                    Assert.True(exit is 0 or 1, $"{format}: exit {exit}: {error}");
                    exits.Add(exit);
                    if (input.Password is { } password)
                    {
                        Secrets.AssertAbsent(output, password);
                        Secrets.AssertAbsent(output, Convert.ToBase64String(Encoding.UTF8.GetBytes(password)));
                    }
                }

                Assert.Single(exits);
                var (mutateExit, diff, mutateError) = run.Run("mutate", "--diff", "input" + input.Extension);
                Assert.True(mutateExit is 0 or 2, $"mutate: exit {mutateExit}: {mutateError}");
                if (input.Password is { } secret)
                {
                    Secrets.AssertAbsent(diff, secret);
                }

                Assert.DoesNotContain("internal error", mutateError, StringComparison.Ordinal);
            },
            iter: Hostile.Iterations(25),
            print: input => input.Extension + " " + Encoding.UTF8.GetString(input.Bytes.AsSpan(0, Math.Min(input.Bytes.Length, 1500))));
}
