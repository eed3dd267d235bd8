package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

var t0 = time.Date(2026, 7, 1, 14, 3, 0, 0, time.UTC)

func i32(v int32) *int32 { return &v }

// fixtures are the incidents of the golden tests, by name.
func fixtures() map[string]incident.Incident {
	return map[string]incident.Incident{
		"oom":       oomIncident(),
		"liveness":  livenessIncident(),
		"multi_pod": multiPodIncident(),
		"resolved":  resolvedIncident(),
		"huge":      hugeIncident(),
		"escaping":  escapingIncident(),
		"silenced":  silencedIncident(),
	}
}

func oomIncident() incident.Incident {
	return incident.Incident{
		ID:          "inc-oom-1",
		Key:         incident.Key{Cluster: "prod-eu-1", Namespace: "payments", Kind: "Deployment", Name: "api", Container: "api"},
		State:       incident.Open,
		Channel:     "C0ALERTS",
		OpenedAt:    t0,
		UpdatedAt:   t0.Add(2 * time.Minute),
		LastCrashAt: t0.Add(2 * time.Minute),
		Pods:        []string{"api-7d9f8b6c5-x2x9q"},
		PodCount:    1,
		Restarts:    14,
		Report: diagnose.Report{
			Pod:    "payments/api-7d9f8b6c5-x2x9q",
			Status: "CrashLoopBackOff",
			Owner:  &diagnose.Owner{Kind: "Deployment", Name: "api"},
			Finding: diagnose.Finding{
				Container: "api", ContainerType: "app", Image: "registry.example.com/payments/api:1.42.0",
				Category: diagnose.OOMKilled, Summary: "api ran out of memory: killed at its 256Mi memory limit",
				ExitCode: i32(137), Signal: "SIGKILL", Reason: "OOMKilled",
				ExitMeaning: diagnose.ExitCodeMeaning(137),
				RanFor:      "2m3s", Restarts: 14,
				Evidence: []string{
					"lastState.terminated.reason: OOMKilled (exit 137)",
					"resources.limits.memory: 256Mi",
					"event OOMKilling: Memory cgroup out of memory: Killed process 4242 (api)",
				},
				NextSteps: []string{
					"kubectl -n payments describe pod api-7d9f8b6c5-x2x9q",
					"kubectl -n payments logs api-7d9f8b6c5-x2x9q -c api --previous",
					"Raise resources.limits.memory of container api, or find what uses the memory.",
				},
				LogExcerpt: []string{
					`{"level":"info","msg":"loading cache","entries":1200000}`,
					`{"level":"warn","msg":"heap at 240Mi"}`,
				},
			},
			Containers: []diagnose.Finding{{Container: "api", ContainerType: "app", Category: diagnose.OOMKilled}},
		},
	}
}

func livenessIncident() incident.Incident {
	return incident.Incident{
		ID:          "inc-live-1",
		Key:         incident.Key{Cluster: "staging", Namespace: "db", Kind: "StatefulSet", Name: "postgres", Container: "postgres"},
		State:       incident.Open,
		Channel:     "C0DB",
		OpenedAt:    t0,
		UpdatedAt:   t0.Add(5 * time.Minute),
		LastCrashAt: t0.Add(5 * time.Minute),
		Pods:        []string{"postgres-0", "postgres-1", "postgres-2"},
		PodCount:    3,
		Restarts:    6,
		Report: diagnose.Report{
			Pod: "db/postgres-1",
			Finding: diagnose.Finding{
				Container: "postgres", ContainerType: "app", Category: diagnose.LivenessProbe,
				Summary:  "postgres was killed by its probe: Liveness probe failed: HTTP probe failed with statuscode: 503",
				ExitCode: i32(143), Signal: "SIGTERM", ExitMeaning: diagnose.ExitCodeMeaning(143),
				RanFor: "1m30s", Restarts: 6,
				Evidence: []string{
					"event Unhealthy (x9): Liveness probe failed: HTTP probe failed with statuscode: 503",
					"event Killing: Container postgres failed liveness probe, will be restarted",
					"livenessProbe: httpGet :8008/health, initialDelaySeconds 5, periodSeconds 10, failureThreshold 3",
				},
				NextSteps: []string{
					"kubectl -n db describe pod postgres-1",
					"Give the app more time to start: raise initialDelaySeconds or add a startupProbe.",
				},
				LogExcerpt: []string{"LOG:  database system is starting up", "LOG:  redo starts at 0/1A2B3C4"},
			},
		},
	}
}

func multiPodIncident() incident.Incident {
	var pods []string
	for i := range 30 {
		pods = append(pods, fmt.Sprintf("web-5c6d7f8-%05d", i))
	}
	return incident.Incident{
		ID:          "inc-multi-1",
		Key:         incident.Key{Cluster: "prod-us", Namespace: "shop", Kind: "Deployment", Name: "web", Container: "web"},
		State:       incident.Open,
		Channel:     "C0SHOP",
		OpenedAt:    t0,
		UpdatedAt:   t0.Add(time.Minute),
		LastCrashAt: t0.Add(time.Minute),
		Pods:        pods,
		PodCount:    30,
		Restarts:    3,
		Report: diagnose.Report{
			Pod:      "shop/web-5c6d7f8-00007",
			Redacted: true,
			Finding: diagnose.Finding{
				Container: "web", ContainerType: "app", Category: diagnose.ConfigError,
				Summary:  "web rejects its configuration: DATABASE_URL is not set",
				ExitCode: i32(1), ExitMeaning: diagnose.ExitCodeMeaning(1), RanFor: "0s", Restarts: 3,
				Evidence:   []string{"log: FATAL config: DATABASE_URL is not set", "log: using password=[REDACTED]"},
				NextSteps:  []string{"kubectl -n shop get deployment web -o yaml", "Set DATABASE_URL in the Deployment's env."},
				LogExcerpt: []string{"starting web v3.1.0", "FATAL config: DATABASE_URL is not set"},
			},
			Containers: []diagnose.Finding{
				{Container: "web", ContainerType: "app", Category: diagnose.ConfigError},
				{Container: "envoy", ContainerType: "sidecar", Category: diagnose.DependencyUnavailable,
					Summary: "envoy cannot reach a dependency: upstream connect error"},
			},
		},
		Related: "Also crashing on node ip-10-0-3-7: 2 other workloads, all config_error: shop/cart, shop/orders.",
		Rollout: &change.Rollout{
			Kind: "Deployment", Namespace: "shop", Name: "web", Latest: 14,
			Current:  &change.Revision{Number: 14, Name: "web-5c6d7f8", Created: t0.Add(-2 * time.Minute), RolledOutAt: t0.Add(-2 * time.Minute)},
			Previous: &change.Revision{Number: 13, Name: "web-7f9b4c2", Created: t0.Add(-72 * time.Hour), RolledOutAt: t0.Add(-72 * time.Hour), Ready: 30},
			Changes: []change.Change{
				{Family: change.Image, Container: "web", Text: "image web:3.0.9 -> web:3.1.0"},
				{Family: change.Env, Container: "web", Text: "env DATABASE_URL removed"},
			},
		},
	}
}

func resolvedIncident() incident.Incident {
	inc := oomIncident()
	inc.ID = "inc-oom-0"
	inc.State = incident.Resolved
	inc.ResolvedAt = t0.Add(14 * time.Minute)
	inc.UpdatedAt = inc.ResolvedAt
	return inc
}

func silencedIncident() incident.Incident {
	inc := livenessIncident()
	inc.ID = "inc-live-2"
	inc.SilencedUntil = t0.Add(4 * time.Hour)
	return inc
}

func hugeIncident() incident.Incident {
	long := strings.Repeat("Ünïcödé ", 200) // 1600 runes, 2400 bytes
	var evidence, logs, steps, pods []string
	for i := range 500 {
		evidence = append(evidence, fmt.Sprintf("evidence %d: %s", i, long))
	}
	for i := range 2000 {
		logs = append(logs, fmt.Sprintf("%04d <&> %s", i, long[:i%len(long)]))
	}
	for i := range 50 {
		steps = append(steps, fmt.Sprintf("kubectl -n ns describe pod pod-%d %s", i, long))
	}
	for i := range incident.MaxPodNames {
		pods = append(pods, fmt.Sprintf("pod-%s-%d", strings.Repeat("x", 200), i))
	}
	var others []diagnose.Finding
	for i := range 40 {
		others = append(others, diagnose.Finding{Container: fmt.Sprintf("side-%d", i), ContainerType: "sidecar",
			Category: diagnose.AppCrash, Summary: long})
	}
	name := strings.Repeat("n", 253)
	return incident.Incident{
		ID:          strings.Repeat("id", 100),
		Key:         incident.Key{Cluster: strings.Repeat("cluster-", 40), Namespace: strings.Repeat("ns", 40), Kind: "Deployment", Name: name, Container: strings.Repeat("c", 63)},
		State:       incident.Open,
		OpenedAt:    t0,
		UpdatedAt:   t0,
		LastCrashAt: t0,
		Pods:        pods,
		PodCount:    12345,
		Restarts:    999,
		Report: diagnose.Report{
			Pod: "ns/" + pods[0],
			Finding: diagnose.Finding{
				Container: strings.Repeat("c", 63), ContainerType: "app", Image: long,
				Category: diagnose.AppCrash, Summary: long + long, ExitCode: i32(2), ExitMeaning: long,
				TerminationMessage: long, RanFor: "3s", Restarts: 999,
				Evidence: evidence, NextSteps: steps, LogExcerpt: logs,
			},
			Containers: others,
		},
	}
}

func escapingIncident() incident.Incident {
	return incident.Incident{
		ID:          "inc-<&>",
		Key:         incident.Key{Cluster: "prod <eu> & co", Namespace: "a&b", Kind: "Deployment", Name: "<script>", Container: "c>d"},
		State:       incident.Open,
		OpenedAt:    t0,
		UpdatedAt:   t0,
		LastCrashAt: t0,
		Pods:        []string{"<pod>&1"},
		PodCount:    1,
		Restarts:    2,
		Report: diagnose.Report{
			Pod: "a&b/<pod>&1",
			Finding: diagnose.Finding{
				Container: "c>d", Category: diagnose.AppCrash, Summary: "panic: <nil> & friends <!channel> <@U123>",
				ExitCode: i32(2), ExitMeaning: "a < b && c > d",
				Evidence:   []string{"<https://evil.example/|click me> & <!here>", "tab\there\x1b[31m red"},
				NextSteps:  []string{"kubectl -n a&b logs '<pod>&1' --previous", "run `make <fix>`"},
				LogExcerpt: []string{"``` closing fence", "<b>bold</b> & <!everyone>", "https://evil.example/login"},
			},
		},
	}
}
