{{/* Names shared by the templates. */}}
{{- define "enmasse-admission.name" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "enmasse-admission.labels" -}}
app.kubernetes.io/name: enmasse-admission
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}

{{- define "enmasse-admission.selector" -}}
app.kubernetes.io/name: enmasse-admission
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "enmasse-admission.image" -}}
{{- $repository := required "image.repository is required: the registry and name of the image built from src/EnMasse.Webhook/Dockerfile" .Values.image.repository -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* Whether the webhook talks to the API server at all: the cluster catalogue or self-managed certificates. */}}
{{- define "enmasse-admission.usesApi" -}}
{{- if or (eq .Values.catalogSource "cluster") (eq .Values.certificates.mode "selfManaged") }}true{{ end -}}
{{- end -}}

{{/* The fewest pods the Deployment runs: what a disruption budget has to leave standing. */}}
{{- define "enmasse-admission.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end -}}
{{- end -}}

{{/* The Secret that holds tls.crt and tls.key, whichever mode made it. */}}
{{- define "enmasse-admission.tlsSecret" -}}
{{- if eq .Values.certificates.mode "secret" -}}
{{- required "certificates.secret.name is required in secret mode" .Values.certificates.secret.name -}}
{{- else -}}
{{- printf "%s-tls" (include "enmasse-admission.name" .) -}}
{{- end -}}
{{- end -}}

{{/*
The policy directory as JSON {path: content}: policy.files when given, else the chart's
policies/ folder (a link to the project's own), filtered as `enmasse-policy policy check` reads a
directory: policy.yaml or policy.yml, and .yaml/.yml/.json files anywhere under plans/, skipping
names that start with ".".
*/}}
{{- define "enmasse-admission.policyFiles" -}}
{{- $read := `^(policy\.ya?ml|plans/([^./][^/]*/)*[^./][^/]*\.(?i:ya?ml|json))$` -}}
{{- $files := dict -}}
{{- if .Values.policy.files -}}
{{- range $path, $content := .Values.policy.files -}}
{{- if not (regexMatch $read $path) -}}
{{- fail (printf "policy.files has %q, which enmasse-policy would not read: use policy.yaml or a .yaml, .yml or .json file under plans/" $path) -}}
{{- end -}}
{{- $_ := set $files $path $content -}}
{{- end -}}
{{- else -}}
{{- range $path, $_ := .Files.Glob "policies/**" -}}
{{- $relative := trimPrefix "policies/" $path -}}
{{- if regexMatch $read $relative -}}
{{- $_ := set $files $relative ($.Files.Get $path) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not (or (hasKey $files "policy.yaml") (hasKey $files "policy.yml")) -}}
{{- fail "the policy has no policy.yaml: give it in policy.files (--set-file policy.files.policy\\.yaml=FILE) or use policy.existingConfigMap" -}}
{{- end -}}
{{- toJson $files -}}
{{- end -}}

{{/* A ConfigMap key for a policy path: keys cannot hold "/", so plans/a/b.yaml is keyed plans.a.b.yaml. */}}
{{- define "enmasse-admission.policyKey" -}}
{{- regexReplaceAll "[^-._a-zA-Z0-9]" (replace "/" "." .) "_" -}}
{{- end -}}

{{/* caBundle or the cert-manager injection annotation, for both webhook configurations. */}}
{{- define "enmasse-admission.caAnnotations" -}}
{{- if eq .Values.certificates.mode "certManager" }}
annotations:
  cert-manager.io/inject-ca-from: {{ printf "%s/%s" .Release.Namespace (include "enmasse-admission.name" .) | quote }}
{{- end }}
{{- end -}}

{{/* Only in secret mode; cert-manager's injector and the self-managed webhook write it at run time, and helm never renders it there, so an upgrade leaves theirs in place. */}}
{{- define "enmasse-admission.caBundle" -}}
{{- if eq .Values.certificates.mode "secret" }}
{{- $bundle := required "certificates.secret.caBundle is required in secret mode" .Values.certificates.secret.caBundle }}
{{- if not (contains "-----BEGIN CERTIFICATE-----" (b64dec $bundle)) }}
{{- fail "certificates.secret.caBundle must be the base64 of a PEM CA certificate (base64 -w0 < ca.crt)" }}
{{- end }}
caBundle: {{ $bundle }}
{{- end }}
{{- end -}}

{{/* Requests the webhook sees: the EnMasse tenant kinds only, namespaced, never the excluded namespaces. */}}
{{- define "enmasse-admission.webhookCommon" -}}
admissionReviewVersions: ["v1", "v1beta1"]
sideEffects: None
timeoutSeconds: {{ .Values.webhook.timeoutSeconds }}
matchPolicy: Equivalent
namespaceSelector:
  matchExpressions:
    - key: kubernetes.io/metadata.name
      operator: NotIn
      values:
        {{- range .Values.webhook.excludedNamespaces }}
        - {{ . | quote }}
        {{- end }}
        - {{ .Release.Namespace | quote }}
rules:
  - apiGroups: ["enmasse.io"]
    apiVersions: ["v1beta1"]
    resources: ["addressspaces", "addresses"]
    operations: ["CREATE", "UPDATE"]
    scope: Namespaced
  - apiGroups: ["user.enmasse.io"]
    apiVersions: ["v1beta1"]
    resources: ["messagingusers"]
    operations: ["CREATE", "UPDATE"]
    scope: Namespaced
{{- end -}}
