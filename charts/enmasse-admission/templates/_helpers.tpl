{{/* Names shared by the templates. */}}
{{- define "enmasse-admission.name" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "enmasse-admission.labels" -}}
app.kubernetes.io/name: enmasse-admission
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "enmasse-admission.selector" -}}
app.kubernetes.io/name: enmasse-admission
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The Secret that holds tls.crt and tls.key, whichever mode made it. */}}
{{- define "enmasse-admission.tlsSecret" -}}
{{- if eq .Values.certificates.mode "secret" -}}
{{- required "certificates.secret.name is required in secret mode" .Values.certificates.secret.name -}}
{{- else -}}
{{- printf "%s-tls" (include "enmasse-admission.name" .) -}}
{{- end -}}
{{- end -}}

{{/* caBundle or the cert-manager injection annotation, for both webhook configurations. */}}
{{- define "enmasse-admission.caAnnotations" -}}
{{- if eq .Values.certificates.mode "certManager" }}
annotations:
  cert-manager.io/inject-ca-from: {{ printf "%s/%s" .Release.Namespace (include "enmasse-admission.name" .) }}
{{- end }}
{{- end -}}

{{- define "enmasse-admission.caBundle" -}}
{{- if eq .Values.certificates.mode "secret" }}
caBundle: {{ required "certificates.secret.caBundle is required in secret mode" .Values.certificates.secret.caBundle }}
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
