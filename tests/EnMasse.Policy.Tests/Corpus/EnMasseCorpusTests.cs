using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Corpus;

/// <summary>EnMasse's own published objects, read from shared/corpus beside the checkout.</summary>
public sealed class EnMasseCorpusTests
{
    private static string EnMasse(string version, string path) => CorpusFiles.Path("enmasse", version, path);

    [SkippableTheory]
    [InlineData("0.27.0")]
    [InlineData("0.31.0")]
    public void EnMasse_example_plans_load_as_a_policy_catalogue(string version)
    {
        var files = new List<PolicyFile> { new("policy.yaml", "policy.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec: {}\n"u8.ToArray()) };
        foreach (var dir in new[] { "templates/example-plans", "templates/example-authservices" })
        {
            foreach (var file in Directory.EnumerateFiles(EnMasse(version, dir), "*.yaml"))
            {
                files.Add(new PolicyFile("plans/" + Path.GetFileName(file), file, File.ReadAllBytes(file)));
            }
        }

        var result = PolicyLoader.Load(files, version);
        Assert.True(result.Succeeded, string.Join("\n", result.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Rule} {f.Message}")));
        Assert.NotNull(result.Bundle!.Published.AddressSpacePlan("standard-small"));
        Assert.NotNull(result.Bundle.Published.AddressPlan("brokered-queue"));
    }

    [SkippableFact]
    public void The_documented_address_list_is_read_item_by_item_and_passes()
    {
        var engine = new PolicyEngine(TestEngine.Shipped);
        var read = DocumentLoader.Load("standard-addresses.yaml", File.ReadAllBytes(EnMasse("0.31.0", "documentation/common/standard-addresses.yaml")));
        var items = ListExpander.Expand(Assert.Single(read.Documents)).ToList();
        Assert.Equal(4, items.Count);
        var catalog = TestEngine.Catalog(TestEngine.Shipped, World.Team1.Replace("standard-small }", "standard-unlimited }", StringComparison.Ordinal));
        foreach (var item in items)
        {
            // Items of an AddressList carry neither apiVersion nor kind: the list gives them.
            var decision = engine.Evaluate(EvaluationRequest.ForDocument(item, Operation.Create, null, "team1", EnforcementPoint.Ci), catalog);
            Assert.True(decision.Applies);
            Assert.True(decision.Allowed, TestEngine.Describe(decision));
        }
    }

    [SkippableFact]
    public void The_documented_user_passes_and_its_password_stays_out_of_findings()
    {
        var text = File.ReadAllText(EnMasse("0.31.0", "documentation/common/user-example1.yaml"));
        var decision = TestEngine.Check(text, world: World.Team1);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Contains(decision.Findings, f => f.Rule == RuleIds.UserAuthorizationAddress);
        Assert.All(decision.Findings, f => Assert.DoesNotContain("cGFzc3dvcmQ=", f.Message, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_documented_full_address_space_shows_the_export_typo_and_platform_findings()
    {
        // The documentation writes `export:` where the 0.31 CRD defines `exports`, and its
        // callout markers (<5>) before a nested mapping make the file itself invalid YAML.
        var text = File.ReadAllText(EnMasse("0.31.0", "documentation/common/address-space-example2.yaml"));
        var raw = DocumentLoader.LoadText("address-space-example2.yaml", text);
        var syntax = Assert.Single(raw.FileFindings);
        Assert.Equal((RuleIds.YamlSyntax, 11, 11), (syntax.Rule, syntax.Line, syntax.Column));

        var decision = TestEngine.Check(System.Text.RegularExpressions.Regex.Replace(text, " <[0-9]>", string.Empty));
        var unknown = decision.One(RuleIds.SchemaUnknownField);
        Assert.Equal("spec.endpoints[0].export", unknown.Path);
        Assert.Contains("did you mean \"exports\"?", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(decision.Findings, f => f.Rule == RuleIds.AddressSpaceCert && f.Path == "spec.endpoints[2].cert.provider");
    }

    [SkippableFact]
    public void The_real_address_space_object_from_a_cluster_is_judged_without_positions()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(CorpusFiles.Path("admission", "enmasse-object-addressspace-v1beta1.enmasse.json")));
        var node = JsonElementConverter.ToNode(json.RootElement);
        var decision = new PolicyEngine(TestEngine.Shipped).Evaluate(new EvaluationRequest(node, Operation.Create, null, "my-iot-1", EnforcementPoint.Admission), TestEngine.Shipped.Published);
        Assert.True(decision.Applies);
        Assert.Equal("my-iot-1", decision.Resource!.Namespace);
        // 0.26's authenticationService.details is not in the 0.31 field set.
        decision.One(RuleIds.SchemaUnknownField).At("spec.authenticationService.details", 0, 0);
        Assert.All(decision.Findings.Where(f => f.Rule == RuleIds.AddressSpaceEndpoint), f => Assert.Equal(Severity.Warning, f.Severity));
    }
}
