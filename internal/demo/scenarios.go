// Package demo creates workloads that crash-loop in different, realistic
// ways on a local control plane and keeps them crashing as a kubelet would,
// so a newcomer can watch the real bot pipeline at work without a cluster.
package demo

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
)

// Scenario is one demo workload and how its pods fail.
type Scenario struct {
	Namespace string
	Name      string
	Replicas  int
	Template  corev1.PodSpec
	// Crash is how the pods die; nil for a healthy workload.
	Crash *kubesim.Crash
	// ImagePull puts the first pod in ImagePullBackOff (which must not alert).
	ImagePull bool
	// FixAfter is how many crash rounds pass before the workload recovers
	// (0: never), to show a resolution.
	FixAfter int
	// Want is the diagnosis category the bot should find ("" for none).
	Want string
}

func container(name, image, memLimit string) corev1.Container {
	c := corev1.Container{Name: name, Image: image, Ports: []corev1.ContainerPort{{ContainerPort: 8080, Name: "http"}}}
	if memLimit != "" {
		c.Resources = corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(memLimit)},
			Limits:   corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(memLimit)},
		}
	}
	return c
}

func spec(cs ...corev1.Container) corev1.PodSpec { return corev1.PodSpec{Containers: cs} }

// Scenarios are the demo workloads.
func Scenarios() []Scenario {
	liveness := container("indexer", "registry.example.com/search/indexer:4.2.0", "512Mi")
	liveness.LivenessProbe = &corev1.Probe{
		ProbeHandler:     corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthz", Port: intstr.FromInt32(8080)}},
		PeriodSeconds:    10,
		TimeoutSeconds:   1,
		FailureThreshold: 3,
	}
	payments := container("api", "registry.example.com/shop/payments-api:2.7.1", "256Mi")
	payments.Env = []corev1.EnvVar{{Name: "PORT", Value: "8080"}, {Name: "LOG_LEVEL", Value: "info"}}
	return []Scenario{
		{
			Namespace: "shop", Name: "checkout", Replicas: 3,
			Template: spec(container("checkout", "registry.example.com/shop/checkout:1.9.0", "256Mi")),
			Crash: &kubesim.Crash{Container: "checkout", ExitCode: 137, Reason: "OOMKilled", RanFor: 47 * time.Second, Log: `{"level":"info","ts":"2026-11-25T09:00:01Z","msg":"starting checkout service","version":"1.9.0"}
{"level":"info","ts":"2026-11-25T09:00:02Z","msg":"warming product cache","products":184233}
{"level":"info","ts":"2026-11-25T09:00:31Z","msg":"cache warm-up progress","loaded":120000,"heap_mb":231}
`, Events: [][2]string{{"OOMKilling", "Memory cgroup out of memory: Killed process 2417 (checkout) total-vm:1034212kB, anon-rss:262144kB"}}},
			Want: "oom_killed",
		},
		{
			Namespace: "shop", Name: "payments-api", Replicas: 2, Template: spec(payments), FixAfter: 4,
			Crash: &kubesim.Crash{Container: "api", ExitCode: 1, RanFor: time.Second, Log: `2026-11-25T09:00:01.112Z INFO  payments-api 2.7.1 starting (pid 1)
2026-11-25T09:00:01.114Z INFO  loading configuration from environment
2026-11-25T09:00:01.115Z ERROR config: required environment variable STRIPE_API_KEY is not set
2026-11-25T09:00:01.115Z INFO  shutting down
`},
			Want: "config_error",
		},
		{
			Namespace: "shop", Name: "orders", Replicas: 2,
			Template: spec(container("orders", "registry.example.com/shop/orders:3.0.4", "256Mi")),
			Crash: &kubesim.Crash{Container: "orders", ExitCode: 1, RanFor: 6 * time.Second, Log: `[2026-11-25 09:00:00,101] INFO orders: connecting to postgres://orders:s3cr3t-Pa55@postgres.shop.svc.cluster.local:5432/orders
Traceback (most recent call last):
  File "/app/orders/db.py", line 41, in connect
    conn = psycopg2.connect(dsn, connect_timeout=5)
  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: could not connect to server: Connection refused
	Is the server running on host "postgres.shop.svc.cluster.local" (10.96.12.4) and accepting
	TCP/IP connections on port 5432?
`},
			Want: "dependency_unavailable",
		},
		{
			Namespace: "search", Name: "indexer", Replicas: 1, Template: spec(liveness),
			Crash: &kubesim.Crash{Container: "indexer", ExitCode: 137, Reason: "Error", RanFor: 38 * time.Second, Log: `2026-11-25T09:00:00Z indexer 4.2.0: opening index shards (24)
2026-11-25T09:00:12Z indexer: shard 7/24 loaded
2026-11-25T09:00:25Z indexer: shard 15/24 loaded
`, Events: [][2]string{
				{"Unhealthy", `Liveness probe failed: Get "http://10.244.0.17:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`},
				{"Killing", "Container indexer failed liveness probe, will be restarted"},
			}},
			Want: "liveness_probe",
		},
		{
			Namespace: "batch", Name: "cache-warmer", Replicas: 1,
			Template: spec(container("warmer", "registry.example.com/batch/cache-warmer:0.3.0", "")),
			Crash:    &kubesim.Crash{Container: "warmer", ExitCode: 0, RanFor: 4 * time.Second, Log: "warmed 1200 keys in 3.2s\ndone\n"},
			Want:     "completed",
		},
		{Namespace: "web", Name: "frontend", Replicas: 2, Template: spec(container("web", "registry.example.com/web/frontend:5.1.0", "128Mi"))},
		{Namespace: "web", Name: "legacy-admin", Replicas: 1, ImagePull: true, Template: spec(container("admin", "registry.example.com/web/legacy-admin:does-not-exist", "128Mi"))},
	}
}
