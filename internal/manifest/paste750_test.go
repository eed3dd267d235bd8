package manifest

import (
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// A container's env printed as a JSON list (`-o jsonpath='{...env}' | jq`)
// is a list of named objects, not of container statuses: its names are not
// containers; nor are a resource's conditions. A list of statuses still is
// one.
func TestEnvListIsNoContainers(t *testing.T) {
	env := "$ kubectl get deploy notes-api -o jsonpath='{.spec.template.spec.containers[0].env}' | jq\n[\n  {\"name\": \"DB_HOST\", \"value\": \"localhost\"},\n  {\"name\": \"DB_PORT\", \"value\": \"5432\"}\n]\n"
	if in := pastedInput(t, env); len(in.Pod.Status.ContainerStatuses) != 0 {
		t.Errorf("env read as containers: %+v", in.Pod.Status.ContainerStatuses)
	}
	conditions := "[\n  {\"lastTransitionTime\": \"2024-05-14T13:20:44Z\", \"reason\": \"NoPodReady\", \"status\": \"False\", \"type\": \"Available\"}\n]\n"
	if in := pastedInput(t, conditions); len(in.Pod.Status.ContainerStatuses) != 0 {
		t.Errorf("conditions read as containers: %+v", in.Pod.Status.ContainerStatuses)
	}
	statuses := "[\n  {\"name\": \"api\", \"restartCount\": 7, \"ready\": false},\n  {\"name\": \"proxy\", \"restartCount\": 0, \"ready\": true}\n]\n"
	if in := pastedInput(t, statuses); len(in.Pod.Status.ContainerStatuses) != 2 || in.Pod.Status.ContainerStatuses[0].RestartCount != 7 {
		t.Errorf("statuses: %+v", in.Pod.Status.ContainerStatuses)
	}
}

// A change the asker tells of, then what they see now, in a thread of any
// shape: the failure before the change does not decide. Jira's
// {noformat} blocks are code blocks.
func TestChangeThenNow(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a Slack thread: a switch, then 'now:'", "#frontend\n\nOlga V  10:20 AM\nstatic-site pod on openshift:\n```\nnginx: [emerg] mkdir() \"/var/cache/nginx/client_temp\" failed (13: Permission denied)\n```\n\nPedro G  10:24 AM\nuse nginxinc/nginx-unprivileged or mount an emptyDir at /var/cache/nginx\n\nOlga V  10:58 AM\nswitched to nginx-unprivileged:1.27 and copied my server block into the configmap. now:\n```\n2025/01/29 10:57:41 [emerg] 1#1: unknown directive \"proxy_pas\" in /etc/nginx/conf.d/default.conf:14\nnginx: [emerg] unknown directive \"proxy_pas\" in /etc/nginx/conf.d/default.conf:14\n```\n",
			diagnose.ConfigError},
		{"'done. ok now I get this:'", "Elena P  1:02 PM\nledger-export won't start in int:\n```\n  Warning  Failed  4s (x8 over 90s)  kubelet  Error: secret \"ledger-export-sftp\" not found\n```\n\nMo K  1:04 PM\ncopy the sealed secret to int and re-seal it\n\nElena P  1:39 PM\ndone. ok now I get this:\n```\nError: LinkageError occurred while loading main class com.example.ledger.export.ExportApplication\n\tjava.lang.UnsupportedClassVersionError: com/example/ledger/export/ExportApplication has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0\n```\n",
			diagnose.AppCrash},
		{"a Jira comment: a value, then 'Still restarting'", "[PERF-96] k6 load generator pod restarting\n\nDescription\nk6 keeps restarting.\n\n{noformat}\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n{noformat}\n\nComments\nComment by Tobias Lang [ 27/May/25 ]\nGive it 2Gi.\n\nComment by Ines Carvalho [ 28/May/25 ]\nLimit is 2Gi now. Still restarting, here is the latest output:\n\n{noformat}\nrunning (10m00.0s), 000/500 VUs, 940602 complete and 0 interrupted iterations\n{noformat}\n\n{noformat}\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Restart Count:  4\n{noformat}\n",
			diagnose.Completed},
		{"a value set, then the failure with an aside", "Description\nkafka-2 OOMKilled repeatedly.\n\n{noformat}\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n{noformat}\n\nComment by Aditi Rao [ 12/Aug/25 ]\n4Gi now. kafka-2 now fails like this (I had to recreate its PVC from the DR snapshot):\n\n{noformat}\n[2025-08-12 08:14:27,688] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\njava.lang.RuntimeException: Invalid cluster.id in: /bitnami/kafka/data/meta.properties. Expected bJ6x4Zq2Rk-8hL0pW3mYtA, but read fQ1c9Nn7SeyZ5vV2aXk0Dw\n{noformat}\n",
			diagnose.ConfigError},
		{"a change that did not help keeps the paste", "api pod restarts:\n```\nnginx: [emerg] mkdir() \"/var/cache/nginx/client_temp\" failed (13: Permission denied)\n```\nI added an emptyDir at /tmp but it still restarts.\n",
			diagnose.PermissionDenied},
	})
}

// A jsonpath range's row for a container that has not terminated prints
// only its name once its empty cells are trimmed; the rows after it are
// still read.
func TestRangeRowWithoutTermination(t *testing.T) {
	prompt := `$ kubectl get pod api-7f6c5b8d9-hq7wn -o jsonpath='{range .status.containerStatuses[*]}{.name}{"\t"}{.lastState.terminated.reason}{"\t"}{.lastState.terminated.exitCode}{"\n"}{end}'`
	name, code, ok := rangeRowExit(prompt, []string{"api", "migrate\tCompleted\t0"})
	if !ok || name != "migrate" || code != 0 {
		t.Errorf("got %q %d %v, want migrate 0", name, code, ok)
	}
	if _, _, ok := rangeRowExit(prompt, []string{"Some words of the asker", "migrate\tCompleted\t0"}); ok {
		t.Errorf("read past a sentence")
	}
}

// A timeline's entries may carry the day in brackets ("[Mon 09:12]
// Jakob: ..."), as a ticket's comments copied newest last.
func TestBracketedTimelineEntries(t *testing.T) {
	paste := "[Mon 09:12] Jakob: edge-cache pods CrashLoopBackOff after switching to hostNetwork.\n  nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n\n[Mon 09:31] Jakob: moved edge-cache to listen 8081. bind error is gone.\n\n[Mon 09:48] Sofia: Still restarting on every node:\n  2025/04/14 09:45:10 [notice] 1#1: nginx/1.25.4\n"
	got := string(dropEarlierAttempts([]byte(paste)))
	if strings.Contains(got, "Address already in use") || !strings.Contains(got, "nginx/1.25.4") {
		t.Errorf("kept the mended entry or lost the current one:\n%s", got)
	}
}

// In an issue thread, another user's "+1, but mine is" with their own
// error, and a maintainer's answer to them, are not the reporter's
// failure; a reporter's last comment that shows how it was resolved is
// not a new failure.
func TestOthersCommentsDoNotDecide(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a +1 with another error", "Container exits 127 after switching base image #318\n\n@leonie-braun\nleonie-braun commented on May 2\n\nPod now crash loops immediately:\n\n```\n/usr/local/bin/docker-entrypoint.sh: line 14: exec: gosu: not found\n```\n\n```\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    127\n```\n\n@ben-yates\nben-yates commented on May 2\n\n+1 after the base image switch, but mine is\n\n```\nexec /usr/local/bin/docker-entrypoint.sh: exec format error\n```\n\n@tianon-helper\nCollaborator\ntianon-helper commented on May 3\n\n@ben-yates you built on an M1 without `--platform linux/amd64`. I had the exact same `exec format error` last month.\n\n@leonie-braun the old base had gosu baked in, python:3.12-slim doesn't.\n",
			diagnose.CommandNotFound},
		{"the reporter's resolution", "gitea pod stuck after helm install #612\n\n@emil-lund\nemil-lund commented on Apr 2\n\n```\n  Warning  Failed  4m (x12 over 6m)  kubelet  Error: secret \"gitea-admin\" not found\n```\n\n@justusbunsi\njustusbunsi commented on Apr 3\n\nThe chart does not create the existingSecret for you.\n\n@emil-lund\nAuthor\nemil-lund commented on Apr 3\n\nUgh, I created it in `default`:\n\n```\n$ kubectl get secret -A | grep gitea-admin\ndefault   gitea-admin   Opaque   2      3d\n```\n\nRecreated it in `git`, pod is up.\n",
			diagnose.MissingConfigObject},
		{"the reporter's own second paste stays", "api restarts #77\n\nann commented on Mar 1\n\n```\nError: listen tcp :8080: bind: address already in use\n```\n\nbob commented on Mar 1\n\nWhat else listens on 8080?\n\nann commented on Mar 2\n\nThe sidecar:\n\n```\nenvoy listening on 0.0.0.0:8080\n```\n",
			diagnose.PortConflict},
	})
}

// An object of another kind that does not decode (a ConfigMap grepped
// from `helm get manifest`) is not read as a pod's fragment: its name is
// not the pod's, and the events beside it still decide.
func TestOtherKindIsNoPodFragment(t *testing.T) {
	paste := "$ kubectl get events -n storefront --field-selector involvedObject.name=storefront-85d6c8f7b-jt9wz\nLAST SEEN   TYPE      REASON        OBJECT                              MESSAGE\n2m11s       Warning   FailedMount   pod/storefront-85d6c8f7b-jt9wz      MountVolume.SetUp failed for volume \"nginx-conf\" : configmap \"storefront-nginx\" not found\n\n$ helm get manifest storefront -n storefront | grep -A3 \"kind: ConfigMap\"\nkind: ConfigMap\nmetadata:\n  name: storefront-nginx-config\n  labels:\n    helm.sh/chart: storefront-2.0.0\n"
	in := pastedInput(t, paste)
	if in.Pod.Name == "storefront-nginx-config" {
		t.Errorf("the ConfigMap's name was read as the pod's")
	}
	if r := diagnose.Diagnose(in); r.Category != diagnose.MissingConfigObject {
		t.Errorf("got %s, want missing_config_object: %s", r.Category, r.Summary)
	}
}

// A container's last termination as kube-state-metrics' series show it
// (an exit code, or a reason that names one) or as the kubelet's journal
// records it.
func TestRecordedTerminationLines(t *testing.T) {
	for _, tc := range []struct {
		line   string
		code   int
		reason string
		ok     bool
	}{
		{`kube_pod_container_status_last_terminated_exitcode{container="matcher",namespace="risk"} 139`, 139, "", true},
		{`kube_pod_container_status_last_terminated_exitcode = 127`, 127, "", true},
		{`  kube_pod_container_status_last_terminated_reason{container="db-migrate", namespace="accounts", reason="Completed", uid="e2a1"}  1`, 0, "Completed", true},
		{`kube_pod_container_status_last_terminated_reason{container="web",reason="OOMKilled"} 0`, 0, "", false},
		{`kube_pod_container_status_last_terminated_reason{container="web",reason="Error"} 1`, 0, "", false},
		{`Mar 16 18:40:11 worker-1 kubelet[1043]: I0316 18:40:11.220176    1043 generic.go:334] "Generic (PLEG): container finished" podID="4d5e" containerID="fa9e" exitCode=0`, 0, "", true},
		{`kube_pod_container_status_restarts_total{container="web"} 14`, 0, "", false},
	} {
		code, reason, ok := recordedTermination(tc.line)
		if ok != tc.ok || ok && (code != tc.code || reason != tc.reason) {
			t.Errorf("%s: got %d %q %v, want %d %q %v", tc.line, code, reason, ok, tc.code, tc.reason, tc.ok)
		}
	}
	paste := "[FIRING:1] KubeContainerWaiting (billing/usage-report)\nkube_pod_container_status_last_terminated_reason{container=\"usage-report\",namespace=\"billing\",reason=\"Completed\"} 1\nkube_pod_container_status_last_terminated_exitcode{container=\"usage-report\",namespace=\"billing\"} 0\n\nINFO report written: 4211 rows\n"
	if r := diagnose.Diagnose(pastedInput(t, paste)); r.Category != diagnose.Completed {
		t.Errorf("got %s, want completed: %s", r.Category, r.Summary)
	}
}
