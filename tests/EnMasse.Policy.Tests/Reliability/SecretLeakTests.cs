using System.Text;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>
/// No finding may carry a secret in any case or encoding (reliability review D1, D17): the
/// scrubber compares case-insensitively, on letters and digits, and also the base64 and
/// decoded forms; a value that holds a secret is never the seed of a suggestion.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Base64Password = "c2VjcmV0LXBhc3N3b3JkLTQy";

    private static Decision User(string username, string password, string extra = "") =>
        TestEngine.Check(Users.User(username: username, auth: $"    password: {password}{extra}"));

    [Fact]
    public void A_username_copied_from_the_password_is_not_echoed_lowercased_in_the_suggestion()
    {
        var decision = User(Base64Password, Base64Password);

        var finding = decision.One(RuleIds.UserUsername);
        Secrets.AssertAbsent(finding.Message, Base64Password);
        Assert.Contains("e.g. user1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_username_that_holds_the_password_with_other_text_is_not_echoed_in_any_form()
    {
        var decision = User("Alice_" + Base64Password, Base64Password);

        var finding = decision.One(RuleIds.UserUsername);
        Secrets.AssertAbsent(finding.Message, Base64Password);
        Secrets.AssertAbsent(finding.Message, "alice_" + Base64Password.ToLowerInvariant());
    }

    [Fact]
    public void The_decoded_and_the_encoded_forms_of_a_password_are_scrubbed_too()
    {
        // The password field holds base64; a username holding its decoded text leaks it as surely.
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Base64Password));
        var decision = User("Q." + decoded, Base64Password);
        Secrets.AssertAbsent(decision.One(RuleIds.UserUsername).Message, decoded);

        var plain = "Tr0ub4dor-and-3";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(plain));
        var reversed = User(encoded, plain);
        Secrets.AssertAbsent(reversed.One(RuleIds.UserUsername).Message, encoded);
    }

    [Fact]
    public void A_secret_written_as_a_key_name_is_not_quoted_in_the_message_or_the_path()
    {
        var decision = User("user1", Base64Password, "\n    Hunter2Hunter2: x");

        var finding = decision.One(RuleIds.SchemaUnknownField);
        Secrets.AssertAbsent(finding.Message, "Hunter2Hunter2");
        Secrets.AssertAbsent(finding.Path, "Hunter2Hunter2");
        Assert.StartsWith("spec.authentication.", finding.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_password_is_scrubbed_where_it_stands_as_a_whole_value()
    {
        var decision = User("AB1", "ab1");

        var finding = decision.One(RuleIds.UserUsername);
        Assert.DoesNotContain("\"AB1\"", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("e.g. ab1", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_secret_of_an_older_version_is_scrubbed_from_an_update_finding()
    {
        var old = Users.User(username: "Old-" + Base64Password, auth: $"    password: {Base64Password}");
        var decision = TestEngine.Update(old, Users.User(username: "user2", auth: "    password: bmV3LXBhc3N3b3Jk"));

        Secrets.AssertAbsent(decision.One(RuleIds.UserImmutable).Message, Base64Password);
    }
}
