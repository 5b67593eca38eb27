using EnMasse.Policy.Catalog;
using EnMasse.Policy.Defaults;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Rules.Input;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The one entry point both doors call. Defaults first, so validation judges the object as it
/// will be stored; then the schema; then the rules of the object's kind; then the policy's
/// weights and exemptions. An UPDATE is judged on what it changes (<see cref="EvaluationRequest.Ratchet"/>),
/// and a requester the policy trusts is never denied.
/// </summary>
public sealed class PolicyEngine(PolicyBundle bundle)
{
    public const string TrustedReason = "not enforced for a trusted requester";

    public PolicyBundle Bundle { get; } = bundle;

    public AdmissionPolicy Policy => Bundle.Policy;

    public Decision Evaluate(EvaluationRequest request, ICatalog catalog)
    {
        if (request.Operation is Operation.Delete or Operation.Connect || request.Object is not MappingNode)
        {
            return Decision.NotApplicable;
        }

        var original = Resource.FromAny(request.Object, request.Namespace, request.File);
        if (original is null)
        {
            return Decision.NotApplicable;
        }

        var stored = request.Operation == Operation.Update && request.Ratchet && request.OldObject is { } oldObject
            && Resource.From(oldObject, request.Namespace) is { } oldResource && oldResource.Kind == original.Kind
            ? oldResource
            : null;
        // The scope check and the judgement both need the defaulted object: made once, when first asked for.
        var defaulted = new Defaulted(original, Policy, catalog);

        // A file the reader found fault with (a repeated key) is judged, so the fault is reported.
        if (stored is not null && request.ReaderProblems is not { Count: > 0 } && UpdateScope.JudgesNothing(original, stored, defaulted.Result))
        {
            return Decision.Unjudged(original);
        }

        if (request.DefaultsOnly)
        {
            return Defaults(original, defaulted);
        }

        var decision = Judge(request, original, catalog, defaulted);
        if (stored is not null && decision.Errors.Any(f => RuleRegistry.Find(f.Rule) is not { JudgesChangeOnly: true }))
        {
            // Only now is the stored version judged: most updates find nothing to waive, and an
            // error about the change itself (judged on UPDATE only) is never waived.
            var before = Judge(new EvaluationRequest(stored.Root, Operation.Create, null, request.Namespace, request.Point), stored, catalog, new Defaulted(stored, Policy, catalog));
            decision = Ratchet.Apply(decision, before);
        }

        if (request.Requester is { } requester && decision.Errors.Any() && Policy.TrustedRequesters.Match(requester) is { } trustedBy)
        {
            decision = decision with
            {
                Allowed = true,
                Findings = [.. decision.Findings.Select(f => f.Denies ? f.Waive(Waiver.TrustedRequester, TrustedReason) : f)],
                TrustedBy = trustedBy,
            };
        }

        return decision;
    }

    /// <summary>What <see cref="Judge"/> patches, and nothing else: an object the API identity check refuses gets no patch there either.</summary>
    private Decision Defaults(Resource original, Defaulted defaulted)
    {
        switch (ApiIdentityCheck.Check(original, Policy.EnMasseVersion, []))
        {
            case ApiIdentityCheck.Outcome.NotOurs:
                return Decision.NotApplicable;
            case ApiIdentityCheck.Outcome.Reported:
                return new Decision(true, true, [], [], original);
        }

        var (resource, patch) = defaulted.Value;
        return new Decision(true, true, [], patch, resource);
    }

    private Decision Judge(EvaluationRequest request, Resource original, ICatalog catalog, Defaulted defaulted)
    {
        var raw = new List<RawFinding>(request.ReaderProblems ?? []);
        var release = Policy.EnMasseVersion;
        switch (ApiIdentityCheck.Check(original, release, raw))
        {
            case ApiIdentityCheck.Outcome.NotOurs:
                return Decision.NotApplicable;
            case ApiIdentityCheck.Outcome.Reported:
                var scrubber = SecretScrubber.Collect(original.Root, request.OldObject, KindSchemas.For(original.Kind.ToString(), release));
                var refused = FindingStamper.Stamp(raw, original, Policy, request.Point, request.File, scrubber);
                return new Decision(true, !refused.Any(f => f.Denies), refused, [], original) { Shown = Shown(original, scrubber) };
        }

        var (resource, patch) = defaulted.Value;

        var schema = KindSchemas.For(resource.Kind.ToString(), release);
        if (schema is not null)
        {
            SchemaWalker.Walk(resource.Root, schema, resource.Kind.ToString(), raw, release);
        }

        var secrets = SecretScrubber.Collect(resource.Root, request.OldObject, schema);

        if (TenantObject.From(resource) is { } subject)
        {
            var old = request.Operation == Operation.Update && request.OldObject is not null
                && Resource.From(request.OldObject, request.Namespace) is { } oldResource && oldResource.Kind == resource.Kind
                ? TenantObject.From(oldResource)
                : null;
            var context = new RuleContext(subject, old, request.Operation, catalog, Policy, raw) { Ratchets = request.Ratchet, HoldsSecret = secrets.Holds };
            foreach (var rule in RuleRegistry.For(resource.Kind))
            {
                if (!rule.Fixed && FindingStamper.Level(Policy, rule.Id, request.Point) == RuleLevel.Off)
                {
                    continue;
                }

                context.Begin(rule.Id);
                rule.Check(context);
            }
        }

        var findings = FindingStamper.Stamp(raw, resource, Policy, request.Point, request.File, secrets);
        var allowed = !findings.Any(f => f.Denies);
        return new Decision(true, allowed, findings, patch, resource) { Shown = Shown(resource, secrets) };
    }

    private static (string Namespace, string Name) Shown(Resource resource, SecretScrubber secrets) =>
        (ShownText.Value(secrets.Scrub(resource.Namespace), ShownText.MaxName), ShownText.Value(secrets.Scrub(resource.Name), ShownText.MaxName));

    /// <summary>An object with the defaults applied, computed on first use.</summary>
    private sealed class Defaulted(Resource original, AdmissionPolicy policy, ICatalog catalog)
    {
        private (Resource Result, IReadOnlyList<PatchOperation> Patch)? _value;

        public (Resource Result, IReadOnlyList<PatchOperation> Patch) Value => _value ??= Defaulter.Apply(original, policy, catalog);

        public Resource Result() => Value.Result;
    }
}
