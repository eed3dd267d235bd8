{{/* Names and labels shared by every template. */}}

{{- define "crashloop-bot.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name: the release name alone when it already names the chart. */}}
{{- define "crashloop-bot.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "crashloop-bot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "crashloop-bot.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "crashloop-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "crashloop-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "crashloop-bot.labels" -}}
{{ include "crashloop-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The image: repository@digest, else repository:tag (default appVersion). */}}
{{- define "crashloop-bot.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag: latest is not allowed; pin a release (vX.Y.Z) or image.digest" -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
The bot's config.yaml: the keys the chart manages, then .Values.config
merged over them. Secrets are never in it: the tokens come from
environment variables filled from slack.existingSecret.
*/}}
{{- define "crashloop-bot.config" -}}
{{- $cfg := dict
  "cluster_name" .Values.clusterName
  "watch" (dict "namespaces" .Values.watch.namespaces "exclude_namespaces" .Values.watch.excludeNamespaces)
  "slack" (include "crashloop-bot.slackConfig" . | fromYaml)
  "store" (include "crashloop-bot.storeConfig" . | fromYaml)
  "leader_election" (dict "enabled" .Values.leaderElection.enabled "lease_name" (include "crashloop-bot.fullname" .))
  "server" (dict "listen" ":8080")
  "log" (dict "format" "json")
-}}
{{- $merged := mustMergeOverwrite $cfg (deepCopy .Values.config) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* The read-only rules: the same as deploy/cluster-rbac.yaml (a test compares them). */}}
{{- define "crashloop-bot.readRules" -}}
# The BackOff event watch and a pod's events.
- apiGroups: [""]
  resources: [events]
  verbs: [list, watch]
# The pod's live status and the pods of a workload.
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
# The previous container's log.
- apiGroups: [""]
  resources: [pods/log]
  verbs: [get]
# "What changed": a ConfigMap the pod mounts.
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get]
# The owning workload and its rollout history.
- apiGroups: [apps]
  resources: [replicasets, controllerrevisions]
  verbs: [get, list]
- apiGroups: [apps]
  resources: [deployments, statefulsets, daemonsets]
  verbs: [get]
# A Job, and the Jobs of a CronJob.
- apiGroups: [batch]
  resources: [jobs]
  verbs: [get, list]
{{- end -}}

{{- define "crashloop-bot.storeConfig" -}}
backend: {{ .Values.store.backend }}
{{- if eq .Values.store.backend "file" }}
path: /var/lib/crashloop-bot/state.db
{{- end }}
{{- end -}}

{{- define "crashloop-bot.slackConfig" -}}
channel: {{ .Values.slack.channel | quote }}
mode: {{ .Values.slack.mode }}
{{- with .Values.slack.routes }}
routes:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
