package diagnose

import (
	"testing"
)

// Rules added for the faults of textbook batches 527 to 533 (session 48).
func TestRules800(t *testing.T) {
	checkLogRules(t, []logRule{
		{"the OpenTelemetry Collector refusing a key", "[otel-agent-2xq8p] 2024-08-08T12:00:41.112Z\twarn\texporterhelper/queue_sender.go:128\tExporting failed. Will retry the request after interval.\t{\"kind\": \"exporter\", \"error\": \"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp 10.0.77.12:4317: connect: connection refused\\\"\"}\n[otel-gateway-6d9c8b7f5-m4vrn] Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n[otel-gateway-6d9c8b7f5-m4vrn] error decoding 'exporters': error reading configuration for \"kafka\": decoding failed due to the following error(s):\n[otel-gateway-6d9c8b7f5-m4vrn] '' has invalid keys: broker\n", ConfigError, "has invalid keys: broker"},
		{"Flink's REST port held", "org.apache.flink.runtime.entrypoint.ClusterEntrypointException: Failed to initialize the cluster entrypoint KubernetesSessionClusterEntrypoint.\nCaused by: java.net.BindException: Could not start rest endpoint on any port in port range 8081\n", PortConflict, "Could not start rest endpoint"},
		{"a Ceph mon's store from the previous install", "debug 2024-01-30T10:02:11.574+0000 7f8a1c3d8880 -1 mon.a@-1(???) e3 error: cluster_uuid file exists with value 8b2f0a4c-5e2d-4b1f-9a77-6c1e2d3f4a5b, != our uuid d41e9c73-1f0b-4c6a-8e25-0b7d9c2e6f18\ndebug 2024-01-30T10:02:11.574+0000 7f8a1c3d8880 -1 ** ERROR: initializing mon.a failed\n", ConfigError, "cluster_uuid file exists"},
		{"date arithmetic past a month's start", "Traceback (most recent call last):\n  File \"/app/rates_fetcher/snapshot.py\", line 31, in build_snapshot\n    prev = history[day.replace(day=day.day - 1)]\nValueError: day is out of range for month\n", AppCrash, "day is out of range for month"},
	})
	checkNotRead(t, []notRead{
		// The reporter explains the refusals as the echo of the crash.
		{"The agents' \"connection refused\" to 4317 is the gateway service having no ready endpoints. (It's one Deployment, two replicas.)\n", DependencyUnavailable},
	})
}

// Rules added for the faults of textbook batches 534 to 540 (session 48).
func TestRules800Noise(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a segfault of a process whose name holds \"handler\"", "2024-03-14 12:41:07.301\tkernel: feed-handler[388141]: segfault at 18 ip 00007fa0c31e4a1d sp 00007ffd6a53c2b0 error 4 in libvendorfeed.so.3.2[7fa0c31d0000+5e000]\n", Segfault, "segfault at 18"},
		{"the reporter's guess told in the past tense", "Our tile-cache service restarts on one replica only. I assumed the liveness probe was timing out because that replica gets the heaviest traffic, and bumped timeouts. No change.\nthread 'main' panicked at src/index.rs:88:41:\ncalled `Option::unwrap()` on a `None` value\n", AppCrash, "unwrap"},
		{"a panic after failures the program got over", "{\"level\":\"warn\",\"msg\":\"redis ping failed, retrying in 2s\",\"error\":\"dial tcp 10.96.52.129:6379: connect: connection refused\"}\n{\"level\":\"info\",\"msg\":\"redis connection established\"}\n2024/10/10 14:32:16 grpc: addrConn.createTransport failed to connect to {Addr: \"otel-collector.observability.svc:4317\", }. Err: connection error: desc = \"transport: Error while dialing: dial tcp 10.96.79.91:4317: connect: connection refused\"\n{\"level\":\"info\",\"msg\":\"trace exporter connected\"}\n{\"level\":\"info\",\"msg\":\"rules file changed, reloading\"}\npanic: assignment to entry in nil map\n\ngoroutine 212 [running]:\ngithub.com/acme/ratelimiter/internal/rules.(*Set).merge(0xc000412a80)\n\t/src/internal/rules/set.go:118 +0x2d1\n", AppCrash, "assignment to entry in nil map"},
	})
	checkNotRead(t, []notRead{
		// A connection retried and made, then the task's end.
		{"{\"level\":40,\"msg\":\"amqp connect failed (getaddrinfo EAI_AGAIN rabbitmq.messaging.svc.cluster.local), retry 1/20 in 3000ms\"}\n{\"level\":30,\"msg\":\"amqp connected, channel open\"}\n{\"level\":30,\"msg\":\"Sent 312 digests (0 failed, 4 suppressed) in 41.2s\"}\n{\"level\":30,\"msg\":\"Done.\"}\n", DependencyUnavailable},
		{"nc: payments-db-rw.payments.svc (10.96.88.19:5432): Connection timed out\nretrying once...\npayments-db-rw.payments.svc (10.96.88.19:5432) open\n=== debug container done ===\n", DependencyUnavailable},
		// Entity Framework's warning about a decimal column is no setting refused.
		{"warn: Microsoft.EntityFrameworkCore.Model.Validation[30000]\n      No store type was specified for the decimal property 'Amount' on entity type 'Invoice'. This will cause values to be silently truncated if they do not fit in the default precision and scale.\n", ConfigError},
	})
}
