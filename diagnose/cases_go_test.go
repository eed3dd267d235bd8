package diagnose

import "strings"

// goCases are Go services, operators and controllers.
func goCases() []realCase {
	return []realCase{
		{
			name: "zap fatal with API server timeout", eco: "go",
			pod: app(1, "Error"),
			logs: logOf(`{"level":"info","ts":1709294221.1,"logger":"setup","msg":"starting manager","version":"v0.14.2"}` + "\n" +
				`{"level":"error","ts":1709294251.2,"logger":"setup","msg":"unable to start manager","error":"Get \"https://10.96.0.1:443/api?timeout=32s\": dial tcp 10.96.0.1:443: i/o timeout"}` + "\n" +
				`{"level":"info","ts":1709294251.3,"msg":"flushing metrics"}` + "\n"),
			cat: DependencyUnavailable, ev: "dial tcp 10.96.0.1:443: i/o timeout",
		},
		{
			name: "controller-runtime webhook cert missing", eco: "go",
			pod: app(1, "Error"),
			logs: logOf(`{"level":"info","ts":"2024-03-01T11:57:01Z","logger":"controller-runtime.webhook","msg":"Starting webhook server"}` + "\n" +
				`{"level":"error","ts":"2024-03-01T11:57:01Z","logger":"setup","msg":"problem running manager","error":"open /tmp/k8s-webhook-server/serving-certs/tls.crt: no such file or directory","stacktrace":"main.main\n\t/workspace/cmd/main.go:151\nruntime.main\n\t/usr/local/go/src/runtime/proc.go:267"}` + "\n"),
			cat: ConfigError, ev: "serving-certs/tls.crt",
		},
		{
			name: "index out of range panic with exit status noise", eco: "go",
			pod: app(2, "Error"),
			logs: logOf("2024/03/01 11:57:01 loading routes from /etc/app/routes.yaml\npanic: runtime error: index out of range [1] with length 1\n\ngoroutine 1 [running]:\n" +
				"main.parseRoute({0xc00001c0a0, 0x9})\n\t/src/routes.go:41 +0x1d4\nmain.main()\n\t/src/main.go:22 +0x8c\nexit status 2\n"),
			cat: AppCrash, ev: "panic: runtime error: index out of range",
		},
		{
			name: "klog fatal in-cluster config", eco: "go",
			pod: app(255, "Error"),
			logs: logOf("I0312 10:00:01.100000       1 main.go:60] Starting exporter v2.10.0\n" +
				"F0312 10:00:01.123456       1 main.go:88] failed to create clientset: unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined\n" +
				"goroutine 1 [running]:\nk8s.io/klog/v2.stacks(0x1)\n\t/go/pkg/mod/k8s.io/klog/v2@v2.100.1/klog.go:860 +0x89\n"),
			cat: ConfigError, ev: "unable to load in-cluster configuration",
		},
		{
			name: "ingress controller RBAC then fatal", eco: "go",
			pod: crashPod("controller", 255, "Error"),
			logs: map[string]string{"controller": "I0101 10:00:00.000000       7 main.go:104] \"SSL fake certificate created\"\n" +
				"E0101 10:00:01.000000       7 reflector.go:138] k8s.io/client-go/informers/factory.go:134: Failed to watch *v1.Ingress: failed to list *v1.Ingress: ingresses.networking.k8s.io is forbidden: User \"system:serviceaccount:ingress:ingress-nginx\" cannot list resource \"ingresses\" in API group \"networking.k8s.io\" at the cluster scope\n" +
				"F0101 10:00:31.000000       7 main.go:87] timed out waiting for caches to sync\n"},
			cat: PermissionDenied, cont: "controller", ev: "is forbidden",
		},
		{
			name: "go DNS server misbehaving", eco: "go",
			pod:  app(1, "Error"),
			logs: logOf("2024/03/01 11:57:01 connecting to kafka brokers [kafka-0.kafka-headless:9092]\n2024/03/01 11:57:11 kafka: client has run out of available brokers to talk to: dial tcp: lookup kafka-0.kafka-headless on 10.96.0.10:53: server misbehaving\n"),
			cat:  DependencyUnavailable, ev: "server misbehaving", step: "nslookup kafka-0.kafka-headless",
		},
		{
			name: "x509 expired certificate", eco: "go",
			pod:  app(1, "Error"),
			logs: logOf(`time="2024-03-01T11:57:01Z" level=fatal msg="failed to connect to vault" error="Get \"https://vault.vault.svc:8200/v1/sys/health\": x509: certificate has expired or is not yet valid: current time 2024-03-01T11:57:01Z is after 2024-02-28T23:59:59Z"` + "\n"),
			cat:  ConfigError, ev: "certificate has expired",
		},
		{
			name: "logrus fatal with very long line", eco: "go",
			pod:  app(1, "Error"),
			logs: logOf(`time="2024-03-01T11:57:01Z" level=fatal msg="cannot connect to redis" error="dial tcp 10.0.3.9:6379: connect: connection refused" config="` + strings.Repeat("a=b,", 3000) + `"` + "\n"),
			cat:  DependencyUnavailable, ev: "connection refused",
		},
	}
}
