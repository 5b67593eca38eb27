using System.Text;
using CsCheck;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>
/// Properties over generated hostile files (see <see cref="Hostile"/>): no exception escapes a
/// reader or the engine, every finding is printable and bounded, no secret reaches a finding in
/// any form, and no reader does work out of proportion to its input. A few dozen cases run in
/// <c>dotnet test</c> from a random seed (CsCheck prints it on failure); bench/fuzz/run runs
/// thousands.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class HostileInputProperties
{
    private static BatchResult Judge(string name, byte[] bytes) =>
        BatchValidator.Validate(TestEngine.Shipped, [DocumentLoader.Load(name, bytes)], [], "team1");

    private static void AssertShown(Finding finding)
    {
        foreach (var text in new[] { finding.Message, finding.Path, finding.Name ?? string.Empty, finding.Namespace ?? string.Empty, finding.File ?? string.Empty })
        {
            Assert.False(ShownText.NeedsEscape(text), $"an unescaped character in: {text}");
        }

        Assert.InRange(finding.Message.Length, 1, ShownText.MaxMessage);
        Assert.InRange(finding.Path.Length, 0, ShownText.MaxName);
    }

    private static string Show((string Extension, byte[] Bytes) file) =>
        file.Extension + " " + Encoding.UTF8.GetString(file.Bytes.AsSpan(0, Math.Min(file.Bytes.Length, 2000)));

    [Fact]
    public void Any_file_gives_documents_or_findings_and_every_finding_is_printable_and_bounded() =>
        Hostile.File.Sample(
            file =>
            {
                foreach (var finding in Judge("fuzz" + file.Extension, file.Bytes).Findings)
                {
                    AssertShown(finding);
                }
            },
            iter: Hostile.Iterations(60),
            print: Show);

    [Fact]
    public void No_secret_reaches_a_finding_in_any_case_or_encoding() =>
        Hostile.UserWithSecret.Sample(
            sample =>
            {
                var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(sample.Password));
                foreach (var (name, text) in new[] { ("u.yaml", Hostile.Yaml(sample.User)), ("u.json", Hostile.Json(sample.User)), ("f.yaml", Hostile.Yaml(sample.User, flow: true)) })
                {
                    var findings = Judge(name, Encoding.UTF8.GetBytes(text)).Findings;
                    Assert.NotEmpty(findings);
                    foreach (var finding in findings)
                    {
                        foreach (var shown in new[] { finding.Message, finding.Path, finding.Name ?? string.Empty })
                        {
                            Secrets.AssertAbsent(shown, sample.Password);
                            Secrets.AssertAbsent(shown, encoded);
                        }
                    }
                }
            },
            iter: Hostile.Iterations(60),
            print: sample => sample.Password + " in " + Hostile.Yaml(sample.User, flow: true));

    /// <summary>Inputs that grow along one dimension; each shape names its starting size.</summary>
    private static readonly (string Name, int Small, Func<int, (string Name, byte[] Bytes)> Make)[] Shapes =
    [
        ("yaml keys", 2000, n => ("k.yaml", Utf8("apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {name: myspace.q}\nspec:\n" + Lines(n, i => $"  k{i}: v\n")))),
        ("json keys, minified", 2000, n => ("k.json", Utf8("{\"apiVersion\":\"enmasse.io/v1beta1\",\"kind\":\"Address\",\"metadata\":{\"name\":\"myspace.q\"},\"spec\":{" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"k{i}\":1")) + "}}"))),
        ("a long plan", 20_000, n => ("p.yaml", Utf8($"apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{name: myspace.q}}\nspec: {{address: q, type: queue, plan: {new string('p', n)}}}\n"))),
        ("a long key", 20_000, n => ("l.json", Utf8($"{{\"apiVersion\":\"enmasse.io/v1beta1\",\"kind\":\"Address\",\"metadata\":{{\"name\":\"myspace.q\"}},\"spec\":{{\"{new string('k', n)}\":1}}}}"))),
        ("documents", 500, n => ("d.yaml", Utf8(Lines(n, i => $"---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{name: myspace.q{i}}}\nspec: {{address: q{i}, type: queue, plan: gold}}\n")))),
        ("list items", 500, n => ("i.yaml", Utf8("apiVersion: v1\nkind: List\nitems:\n" + Lines(n, i => $"- {{apiVersion: enmasse.io/v1beta1, kind: Address, metadata: {{name: myspace.q{i}}}, spec: {{address: q{i}, type: queue, plan: gold}}}}\n")))),
        ("secrets and findings", 300, n => ("s.yaml", Utf8("apiVersion: user.enmasse.io/v1beta1\nkind: MessagingUser\nmetadata:\n  name: myspace.u\n  annotations:\n" + Lines(n, i => $"    token{i}: secret-{i}-value\n") + "spec:\n  username: u1\n  authentication: {type: password, password: cGFzc3dvcmQtcGFzcw==}\n" + Lines(n, i => $"  secret-{i}-value: 1\n")))),
        ("nested siblings", 100, n => ("n.yaml", Utf8("apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {name: myspace.q}\nspec:\n" + Lines(n, i => $"  k{i}: " + string.Concat(Enumerable.Repeat("{a: ", 60)) + "x" + new string('}', 60) + "\n")))),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Lines(int n, Func<int, string> line) => string.Concat(Enumerable.Range(0, n).Select(line));

    [Fact]
    public void Reading_and_judging_cost_grows_linearly_with_the_input() =>
        Gen.Int[0, Shapes.Length - 1].Sample(
            shape => Work.AssertLinear(Shapes[shape].Make, input => Judge(input.Name, input.Bytes), Shapes[shape].Small),
            iter: Hostile.Iterations(Shapes.Length),
            threads: 1,
            print: shape => Shapes[shape].Name);
}
