package diagnose

import (
	"time"

	corev1 "k8s.io/api/core/v1"
)

// runtimeCases fail before or outside the application: the runtime cannot
// start the entrypoint, the kubelet cannot create the container, the pod
// is evicted or a Job gives up.
func runtimeCases() []realCase {
	return []realCase{
		{
			name: "containerd stat entrypoint", eco: "runtime",
			pod:    app(128, "StartError", termMessage("app", `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "./user": stat ./user: no such file or directory: unknown`)),
			events: []corev1.Event{event("Failed", "app", `Error: failed to start container "app": Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "./user": stat ./user: no such file or directory: unknown`, time.Minute, 6)},
			cat:    CommandNotFound, ev: `stat ./user: no such file or directory`,
		},
		{
			name: "containerd entrypoint permission", eco: "runtime",
			pod: app(128, "StartError", termMessage("app", `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/usr/sbin/sync-profiles.sh": permission denied: unknown`)),
			cat: CommandNotFound, ev: "permission denied",
		},
		{
			name: "RunContainerError executable not in PATH", eco: "runtime",
			pod: waitingPod("RunContainerError", `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "entry": executable file not found in $PATH: unknown`),
			cat: CommandNotFound, ev: "executable file not found",
		},
		{
			// The message is often not given (a get pods row, a describe cut
			// before it): the command not found is still the usual cause.
			name: "RunContainerError without its message", eco: "runtime",
			pod: waitingPod("RunContainerError", ""),
			cat: CommandNotFound, ev: "RunContainerError",
		},
		{
			name: "standard_init no such file (CRLF or missing interpreter)", eco: "runtime",
			pod:  app(1, "Error"),
			logs: logOf("standard_init_linux.go:211: exec user process caused \"no such file or directory\"\n"),
			cat:  CommandNotFound, ev: "exec user process caused",
		},
		{
			name: "standard_init exec format error on arm64 node", eco: "runtime",
			pod:  app(1, "Error"),
			logs: logOf("standard_init_linux.go:228: exec user process caused: exec format error\n"),
			cat:  ExecFormat, ev: "exec format error", step: "kubernetes.io/arch",
		},
		{
			name: "exec format error with kubectl --timestamps", eco: "runtime",
			pod:  app(255, "Error"),
			logs: logOf("2024-02-29T21:13:05.118744637Z exec /usr/local/bin/docker-entrypoint.sh: exec format error\n"),
			cat:  ExecFormat, ev: "docker-entrypoint.sh: exec format error",
		},
		{
			name: "ContainerCannotRun mount directory onto file", eco: "runtime",
			pod: app(128, "ContainerCannotRun", termMessage("app", `OCI runtime create failed: container_linux.go:349: starting container process caused "process_linux.go:449: container init caused \"rootfs_linux.go:58: mounting \\\"/var/lib/kubelet/pods/1f2e/volumes/kubernetes.io~configmap/config/app.conf\\\" to rootfs \\\"/var/lib/docker/overlay2/c8de/merged\\\" at \\\"/var/lib/docker/overlay2/c8de/merged/etc/app/app.conf\\\" caused \\\"not a directory\\\"\"": unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`)),
			cat: ConfigError, ev: "mount a directory onto a file",
		},
		{
			name: "runAsNonRoot with non-numeric image user", eco: "runtime",
			pod: waitingPod("CreateContainerConfigError", `container has runAsNonRoot and image has non-numeric user (node), cannot verify user is non-root (pod: "web-6d4cf56db6-9qk2m_shop(5b1c)", container: app)`),
			cat: PermissionDenied, ev: "non-numeric user", step: "runAsUser",
		},
		{
			name: "secret key missing", eco: "runtime",
			pod: waitingPod("CreateContainerConfigError", `couldn't find key password in Secret shop/db-credentials`),
			cat: MissingConfigObject, ev: "couldn't find key password", step: "Add key password to Secret shop/db-credentials",
		},
		{
			name: "configmap missing for envFrom", eco: "runtime",
			pod: waitingPod("CreateContainerConfigError", `configmap "app-config" not found`),
			cat: MissingConfigObject, ev: `configmap \"app-config\" not found`, step: "kubectl -n shop get configmap app-config",
		},
		{
			name: "subPath mount of a missing key", eco: "runtime",
			pod: waitingPod("CreateContainerError", `failed to prepare subPath for volumeMount "settings" of container "app"`),
			cat: ConfigError, ev: "failed to prepare subPath",
		},
		{
			name: "image pull back-off is not a crash", eco: "runtime",
			pod:    waitingPod("ImagePullBackOff", `Back-off pulling image "registry.example.com/shop/app:v2.3.1"`),
			events: []corev1.Event{event("Failed", "app", `Failed to pull image "registry.example.com/shop/app:v2.3.1": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/shop/app:v2.3.1": not found`, time.Minute, 4)},
			cat:    Unknown, ev: "ImagePullBackOff",
		},
		{
			name: "init container OOMKilled without log", eco: "runtime",
			pod: testPod([]string{"web"}, func(p *corev1.Pod) {
				p.Status.Phase = corev1.PodPending
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "web", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}
				withInit(crashLoop("migrate", 137, "OOMKilled", 4), false)(p)
			}),
			cat: OOMKilled, cont: "migrate", ev: "reason=OOMKilled",
		},
		{
			name: "startup probe kills slow keycloak (exit 143)", eco: "runtime",
			pod: app(143, "Error"),
			events: []corev1.Event{
				event("Killing", "app", "Container app failed startup probe, will be restarted", 2*time.Minute, 3),
				event("Unhealthy", "app", `Startup probe failed: Get "http://10.244.0.7:9000/health/started": dial tcp 10.244.0.7:9000: connect: connection refused`, 2*time.Minute, 10),
			},
			logs: logOf("Updating the configuration and installing your custom providers, if any. Please wait.\n2025-06-27 10:00:01,833 INFO  [io.qua.dep.QuarkusAugmentor] (main) Quarkus augmentation completed in 110325ms\n2025-06-27 10:01:44,173 INFO  [org.infinispan.CONTAINER] (Thread-5) ISPN000556: Starting user marshaller\n"),
			cat:  LivenessProbe, ev: "failed startup probe",
		},
		{
			name: "liveness kills spring app that logs a connect error while warming up", eco: "runtime",
			pod: app(137, "Error", withLiveness("app")),
			events: []corev1.Event{
				event("Unhealthy", "app", `Liveness probe failed: Get "http://10.1.2.3:8080/actuator/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, 150*time.Second, 9),
				event("Killing", "app", "Container app failed liveness probe, will be restarted", 140*time.Second, 3),
			},
			logs: logOf("2024-03-01 11:56:01.000  INFO 1 --- [main] c.a.Application : Starting Application\n2024-03-01 11:56:40.000  WARN 1 --- [main] o.a.k.c.NetworkClient : Connection to node -1 (kafka/10.0.0.4:9092) could not be established. Broker may not be available.\n"),
			cat:  LivenessProbe, ev: "failed liveness probe",
		},
		{
			name: "bitnami image exits 0 after printing its banner", eco: "runtime",
			pod:  app(0, "Completed"),
			logs: logOf("mysql 18:42:02.22\nmysql 18:42:02.22 Welcome to the Bitnami mysql container\nmysql 18:42:02.22 Subscribe to project updates by watching https://github.com/bitnami/bitnami-docker-mysql\nmysql 18:42:02.22 Submit issues and feature requests at https://github.com/bitnami/bitnami-docker-mysql/issues\nmysql 18:42:02.22\n"),
			cat:  Completed, ev: "reason=Completed", step: "Job or CronJob",
		},
		{
			name: "keycloak prints usage and exits 0 (missing start argument)", eco: "runtime",
			pod:  app(0, "Completed"),
			logs: logOf("Keycloak - Open Source Identity and Access Management\n\nFind more information at: https://www.keycloak.org/docs/latest\n\nUsage:\n\nkc.sh [OPTIONS] [COMMAND]\n\nUse this command-line tool to manage your Keycloak cluster.\n"),
			// It printed its usage instead of starting: a configuration
			// error (the start command is missing), whatever the exit code.
			cat: ConfigError, ev: "Usage:",
		},
		{
			name: "evicted for ephemeral storage", eco: "runtime",
			pod: testPod([]string{"app"}, func(p *corev1.Pod) {
				p.Status.Phase = corev1.PodFailed
				p.Status.Reason = "Evicted"
				p.Status.Message = "The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 9Gi. Container app was using 12Gi, which exceeds its request of 0."
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "app", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
					ExitCode: 137, Reason: "ContainerStatusUnknown", Message: "The container could not be located when the pod was terminated"}}}
			}),
			cat: Unknown, cont: "", ev: "low on resource: ephemeral-storage",
		},
		{
			name: "job pod fails: rails database missing", eco: "runtime",
			pod:  app(1, "Error", jobPod),
			logs: logOf("rake aborted!\nActiveRecord::NoDatabaseError: FATAL:  database \"shop_production\" does not exist\n/usr/local/bundle/gems/activerecord-7.0.4/lib/active_record/connection_adapters/postgresql_adapter.rb:81:in `rescue in new_client'\nTasks: TOP => db:migrate\n(See full trace by running task with --trace)\n"),
			cat:  ConfigError, ev: `database "shop_production" does not exist`,
		},
		{
			name: "istio sidecar crashes, app is fine", eco: "runtime",
			pod: testPod([]string{"app", "istio-proxy"}, setStatus(crashLoop("istio-proxy", 255, "Error", 7))),
			logs: map[string]string{"app": "listening on :8080\n", "istio-proxy": "2024-03-01T11:57:01.000000Z\tinfo\tsds\tStarting SDS grpc server\n" +
				"2024-03-01T11:57:11.000000Z\terror\tcitadelclient\tFailed to create certificate: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.96.12.3:15012: i/o timeout\"\n" +
				"2024-03-01T11:57:11.000000Z\terror\tcache\tresource:default request:1 CSR retrial timed out: rpc error: code = Unavailable\n" +
				"2024-03-01T11:57:11.000000Z\tinfo\tAgent draining Proxy\n2024-03-01T11:57:12.000000Z\tinfo\tGraceful termination period complete, terminating remaining proxies.\n"},
			cat: DependencyUnavailable, cont: "istio-proxy", ev: "dial tcp 10.96.12.3:15012: i/o timeout",
		},
		{
			name: "app fails before the istio proxy is ready", eco: "runtime",
			pod:  app(1, "Error", sidecarApp("istio-proxy")),
			logs: logOf("Starting catalog service\nError: connect ECONNREFUSED 10.0.7.12:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect'\n}\n"),
			cat:  DependencyUnavailable, ev: "ECONNREFUSED 10.0.7.12:5432", step: "holdApplicationUntilProxyStarts",
		},
		{
			name: "vault agent init denied by the kubernetes auth role", eco: "runtime",
			pod: testPod([]string{"app"}, initLoop("vault-agent-init", 1)),
			logs: map[string]string{"vault-agent-init": "==> Vault Agent started! Log data will stream in below:\n" +
				"2023-04-03T15:42:38.375Z [INFO]  auth.handler: authenticating\n" +
				"2023-04-03T15:42:38.391Z [ERROR] auth.handler: error authenticating: error=\"Error making API request.\\n\\nURL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login\\nCode: 403. Errors:\\n\\n* permission denied\" backoff=1s\n" +
				"2023-04-03T15:42:39.391Z [INFO]  auth.handler: authenticating\n" +
				"2023-04-03T15:42:39.402Z [ERROR] auth.handler: error authenticating: error=\"Error making API request.\\n\\nURL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login\\nCode: 403. Errors:\\n\\n* permission denied\" backoff=2.3s\n" +
				"2023-04-03T15:42:41.700Z [INFO]  auth.handler: shutdown triggered, stopping lifetime watcher\n"},
			cat: PermissionDenied, cont: "vault-agent-init", ev: "Code: 403",
		},
		{
			name: "migration init container cannot reach postgres", eco: "runtime",
			pod: testPod([]string{"app"}, initLoop("db-migrate", 1)),
			logs: map[string]string{"db-migrate": "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\nTraceback (most recent call last):\n  File \"/usr/local/bin/alembic\", line 8, in <module>\n    sys.exit(main())\n" +
				"psycopg2.OperationalError: connection to server at \"postgres\" (10.96.3.4), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n\n" +
				"The above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/usr/local/bin/alembic\", line 8, in <module>\n" +
				"sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"postgres\" (10.96.3.4), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n\n(Background on this error at: https://sqlalche.me/e/20/e3q8)\n"},
			cat: DependencyUnavailable, cont: "db-migrate", ev: "port 5432 failed: Connection refused",
		},
		{
			name: "cloud sql proxy sidecar not authorized", eco: "runtime",
			pod: testPod([]string{"app", "cloud-sql-proxy"}, setStatus(crashLoop("cloud-sql-proxy", 1, "Error", 5))),
			logs: map[string]string{"cloud-sql-proxy": "2024/03/01 11:57:01 Authorizing with Application Default Credentials\n" +
				"2024/03/01 11:57:02 errors parsing config:\n\tgoogleapi: Error 403: The client is not authorized to make this request., notAuthorized\n"},
			cat: PermissionDenied, cont: "cloud-sql-proxy", ev: "Error 403",
		},
	}
}
