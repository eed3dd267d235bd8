package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// sparse builds the kind of status people paste: only what is given is set.
func sparse(name string, st corev1.ContainerStatus) func(*corev1.Pod) {
	st.Name = name
	return setStatus(st)
}

func waitingCLB() corev1.ContainerState {
	return corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}
}

// completedLoop is a status waiting in CrashLoopBackOff after a clean
// exit (Completed, 0), with no times recorded.
func completedLoop(name string, restarts int32) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, RestartCount: restarts, State: waitingCLB(),
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 0, Reason: "Completed"}}}
}

func terminated(code int32, reason, msg string) corev1.ContainerState {
	return corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: code, Reason: reason, Message: msg}}
}

func withImage(name, image string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for i := range p.Spec.Containers {
			if p.Spec.Containers[i].Name == name {
				p.Spec.Containers[i].Image = image
			}
		}
	}
}

// TestEvidenceScoring covers the classes of sparse, real-world evidence the
// rule cascade missed, each with what the report must say.
func TestEvidenceScoring(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pod     *corev1.Pod
		events  []corev1.Event
		log     string
		want    Category
		conf    Confidence // "" = any
		inEv    string     // must occur in the evidence
		inSum   string     // must occur in the summary
		missing string     // must occur in a Missing command
	}{
		// No state, only lastState: not healthy.
		{
			name:   "only lastState OOMKilled, not ready",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{LastTerminationState: terminated(137, "OOMKilled", "")})),
			events: []corev1.Event{event("Killing", "api", "Stopping container api", time.Minute, 1)},
			want:   OOMKilled, conf: Certain, inEv: "reason=OOMKilled",
		},
		{
			name:   "no state at all, back-off event",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{RestartCount: 4})),
			events: []corev1.Event{backOff("api")},
			want:   ConfigError, conf: Possible, inSum: "(a guess)", missing: "lastState",
		},
		// A script without its executable bit, as dash reports it.
		{
			name: "dash: script not executable",
			pod:  testPod([]string{"fortune"}, sparse("fortune", corev1.ContainerStatus{State: waitingCLB()})),
			log:  "/bin/sh: 1: /bin/fortuneloop.sh: Permission denied\n",
			want: CommandNotFound, inEv: "fortuneloop.sh",
		},
		{
			name: "dash: a redirect that may not write is a permission problem",
			pod:  testPod([]string{"app"}, sparse("app", corev1.ContainerStatus{State: waitingCLB()})),
			log:  "/bin/sh: 1: cannot create /var/log/app.log: Permission denied\n",
			want: PermissionDenied,
		},
		// Events alone: a pull event names a one-shot image.
		{
			name: "events only: busybox pulled, backing off",
			pod: testPod([]string{"busybox"}, func(p *corev1.Pod) {
				p.Status.ContainerStatuses = nil
				p.Spec.Containers[0].Image = ""
			}),
			events: []corev1.Event{event("Pulled", "", `Container image "busybox" already present on machine`, time.Minute, 4), event("BackOff", "", "Back-off restarting failed container", 10*time.Second, 9)},
			want:   Completed, conf: Possible, inEv: "its command was not given",
		},
		{
			name: "events only: an app image, backing off",
			pod: testPod([]string{"api"}, func(p *corev1.Pod) {
				p.Status.ContainerStatuses = nil
				p.Spec.Containers[0].Image = ""
			}),
			events: []corev1.Event{event("Pulled", "", `Container image "shop/api:1.2" already present on machine`, time.Minute, 4), event("BackOff", "", "Back-off restarting failed container", 10*time.Second, 9)},
			// Nothing names a cause: the commonest one is guessed, and said to be a guess.
			want: ConfigError, conf: Possible, inSum: "(a guess)", missing: "--previous",
		},
		// A shell reporting its child was killed.
		{
			name: "shell: Killed",
			pod:  testPod([]string{"job"}, sparse("job", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(137, "Error", "")})),
			log:  "processing batch 12\n/entrypoint.sh: line 9:    42 Killed                  python run.py\n",
			want: OOMKilled, inSum: "killed (SIGKILL)",
		},
		{
			name: "C++ bad_alloc",
			pod:  testPod([]string{"svc"}, sparse("svc", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(134, "Error", "")})),
			log:  "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc\n",
			want: OOMKilled,
		},
		// kubectl's own complaints pasted with a log are not the app's.
		{
			name: "kubectl notice only",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "Error from server (BadRequest): container \"web\" in pod \"web-1\" is waiting to start: PodInitializing\n",
			want: Unknown,
		},
		{
			name: "tini cannot exec its entrypoint",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "[FATAL tini (7)] exec /opt/entry.sh failed: Permission denied\n",
			want: CommandNotFound,
		},
		{
			name: "dash: exec of a missing program",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(127, "Error", "")})),
			log:  "sh: 1: exec: gunicorn: not found\n",
			want: CommandNotFound,
		},
		{
			name: "MySQL data directory with files",
			pod:  testPod([]string{"db"}, sparse("db", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "[ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.\n",
			want: ConfigError,
		},
		// The app says it was sent SIGTERM: something stopped it.
		{
			name: "SIGTERM in the log, probes unknown",
			pod: testPod([]string{"kafka"}, sparse("kafka", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")}), func(p *corev1.Pod) {
				p.Spec.Containers[0] = corev1.Container{Name: "kafka"} // only the status was pasted
			}),
			log: "[2022-02-23 18:45:17,742] INFO Attempting recovery for all logs\n[2022-02-23 18:45:46,898] INFO Terminating process due to signal SIGTERM (org.apache.kafka.common.utils.LoggingSignalHandler)\n" +
				"[2022-02-23 18:45:46,936] ERROR [KafkaServer id=0] Fatal error during KafkaServer shutdown. (kafka.server.KafkaServer)\njava.lang.IllegalStateException: Kafka server is still starting up, cannot shut down!\n\tat kafka.server.KafkaServer.shutdown(KafkaServer.scala:696)\n",
			want: LivenessProbe, conf: Possible, inSum: "stopped with SIGTERM", missing: "get events",
		},
		{
			name: "SIGTERM in the log, spec without probes",
			pod: testPod([]string{"kafka"}, sparse("kafka", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(143, "Error", "")}), func(p *corev1.Pod) {
				p.Spec.Containers[0].LivenessProbe, p.Spec.Containers[0].ReadinessProbe, p.Spec.Containers[0].StartupProbe = nil, nil, nil
			}),
			log:  "INFO Terminating process due to signal SIGTERM\n",
			want: Unknown,
		},
		// A null value thrown where the program reads its configuration.
		{
			name: ".NET null setting in ConfigureServices",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(139, "Error", "")})),
			log: "[16:58:48 FTL] Program terminated unexpectedly (WebMVC)!\nSystem.ArgumentNullException: Value cannot be null.\nParameter name: uriString\n   at System.Uri..ctor(String uriString)\n" +
				"   at WebMVC.ServiceCollectionExtensions.AddHealthChecks(IServiceCollection services, IConfiguration configuration) in /src/Startup.cs:line 138\n   at WebMVC.Startup.ConfigureServices(IServiceCollection services) in /src/Startup.cs:line 42\n",
			want: ConfigError, inEv: "Value cannot be null",
		},
		{
			name: "a null deep below framework configuration code is a bug",
			pod:  testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log: "Exception in thread \"main\" java.lang.NullPointerException\n\tat com.shop.OrderService.total(OrderService.java:42)\n\tat com.shop.OrderService.load(OrderService.java:30)\n\tat com.shop.Main.run(Main.java:12)\n" +
				"\tat org.springframework.context.annotation.ConfigurationClassPostProcessor.process(ConfigurationClassPostProcessor.java:99)\n",
			want: AppCrash,
		},
		{
			name: "Elasticsearch cannot access its path",
			pod:  testPod([]string{"es"}, sparse("es", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log: "[2018-01-02T19:58:36,540][WARN ][o.e.b.ElasticsearchUncaughtExceptionHandler] [es-data-0] uncaught exception in thread [main]\n" +
				"org.elasticsearch.bootstrap.StartupException: java.lang.IllegalStateException: Unable to access 'path.logs' (/storage/logs)\n",
			want: PermissionDenied, inSum: "Unable to access 'path.logs'",
		},
		// nginx's configuration check.
		{
			name: "nginx [emerg] on a directive",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "2023/12/29 01:31:22 [emerg] 1#1: directive \"worker_processes\" is not terminated by \";\" in /etc/nginx/nginx.conf:4\n",
			want: ConfigError, inSum: "is not terminated",
		},
		{
			name: "nginx [emerg] on an upstream name is a dependency",
			pod:  testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "nginx: [emerg] host not found in upstream \"backend\" in /etc/nginx/conf.d/default.conf:12\n",
			want: DependencyUnavailable,
		},
		{
			name:   "image without a command",
			pod:    testPod([]string{"velero"}, sparse("velero", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerError"}}})),
			events: []corev1.Event{event("Failed", "velero", `Error: failed to generate container "9d22c79ab6d6365ae426c5b8bf92423fda1754b546de092eeef8f863e6a5eceb" spec: failed to generate spec: no command specified`, time.Minute, 6)},
			want:   CommandNotFound,
		},
		// Running and ready for now, but the kubelet keeps killing it.
		{
			name: "ready again, restarted by its liveness probe",
			pod: testPod([]string{"web"}, sparse("web", corev1.ContainerStatus{Ready: true, RestartCount: 174,
				State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}})),
			events: []corev1.Event{event("Unhealthy", "web", `Liveness probe failed: command "node extra/healthcheck.js" timed out`, 2*time.Second, 40)},
			want:   LivenessProbe, inSum: "timed out",
		},
		{
			name: "mlock is a capability, not memory",
			pod:  testPod([]string{"vault"}, sparse("vault", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "Error initializing core: Failed to lock memory: cannot allocate memory\n\nThis usually means that the mlock syscall is not available.\n",
			want: PermissionDenied, inSum: "Failed to lock memory",
		},
		{
			name: "Traefik rejects a flag of another version",
			pod:  testPod([]string{"traefik"}, sparse("traefik", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "2020/04/06 21:01:45 command traefik error: field not found, node: entryPoint\n",
			want: ConfigError,
		},
		{
			name: "only the container's name says busybox",
			pod: testPod([]string{"busybox"}, sparse("busybox", corev1.ContainerStatus{State: waitingCLB()}), func(p *corev1.Pod) {
				p.Spec.Containers[0] = corev1.Container{Name: "busybox"}
			}),
			want: Completed, conf: Possible, inSum: "most likely the busybox image",
		},
		{
			name: "an entrypoint execs an empty command",
			pod:  testPod([]string{"db2"}, sparse("db2", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(127, "Error", "")})),
			log:  "/entrypoint.sh: line 51: exec: : not found\n",
			want: CommandNotFound,
		},
		{
			name: "two lines say permission: both quoted",
			pod:  testPod([]string{"grafana"}, sparse("grafana", corev1.ContainerStatus{State: waitingCLB(), LastTerminationState: terminated(1, "Error", "")})),
			log:  "GF_PATHS_DATA='/var/lib/grafana' is not writable.\nmkdir: cannot create directory '/var/lib/grafana/plugins': Permission denied\n",
			want: PermissionDenied, inEv: "is not writable",
		},
		// A volume that cannot be mounted: not a dependency of the app;
		// by its name, a ConfigMap's or Secret's.
		{
			name:   "mount timeout, spec unknown",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}})),
			events: []corev1.Event{event("FailedMount", "", "Unable to mount volumes for pod \"api_default(1)\": timeout expired waiting for volumes to attach/mount for pod \"api\"/\"default\". list of unattached/unmounted volumes=[config-volume]", time.Minute, 5)},
			want:   MissingConfigObject, inSum: "timed out mounting config-volume", missing: "{.spec.volumes}",
		},
		{
			name: "mount timeout of a ConfigMap volume",
			pod: testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}), func(p *corev1.Pod) {
				p.Spec.Volumes = []corev1.Volume{{Name: "config-volume", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "app-config"}}}}}
			}),
			events: []corev1.Event{event("FailedMount", "", "Unable to mount volumes for pod \"api_default(1)\": timeout expired waiting for volumes to attach/mount for pod \"api\"/\"default\". list of unattached/unmounted volumes=[config-volume]", time.Minute, 5)},
			want:   MissingConfigObject, inSum: "ConfigMap app-config",
		},
		// Probe kills without an exit code.
		{
			name: "liveness kill events, no lastState",
			pod:  testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 9})),
			events: []corev1.Event{
				event("Unhealthy", "api", "Liveness probe failed: HTTP probe failed with statuscode: 500", 30*time.Second, 27),
				event("Killing", "api", "Container api failed liveness probe, will be restarted", 20*time.Second, 9),
			},
			want: LivenessProbe, conf: Certain, inEv: "failed liveness probe", inSum: "statuscode: 500",
		},
		{
			name:   "two probe failures, no kill, and a log that names the cause",
			pod:    testPod([]string{"traefik"}, sparse("traefik", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 7})),
			events: []corev1.Event{event("Unhealthy", "traefik", `Liveness probe failed: Get "http://10.1.3.19:9000/ping": dial tcp 10.1.3.19:9000: connect: connection refused`, 7*time.Minute, 2)},
			log:    "2025/03/05 15:40:18 command traefik error: failed to decode configuration from flags: field not found, node: entrypoint\n",
			want:   ConfigError, inEv: "field not found",
		},
		{
			name:   "startup probe refused, only Unhealthy events",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB()})),
			events: []corev1.Event{event("Unhealthy", "api", "Startup probe failed: Get \"http://10.1.2.3:8080/ready\": dial tcp 10.1.2.3:8080: connect: connection refused", time.Minute, 31)},
			want:   LivenessProbe, conf: Likely, inSum: "startup probe",
		},
		{
			name:   "exec probe timed out",
			pod:    testPod([]string{"db"}, sparse("db", corev1.ContainerStatus{State: waitingCLB()})),
			events: []corev1.Event{event("Unhealthy", "db", "Liveness probe errored: rpc error: code = DeadlineExceeded desc = failed to exec in container: timeout 1s exceeded: context deadline exceeded", time.Minute, 12)},
			want:   LivenessProbe, inEv: "DeadlineExceeded",
		},
		{
			name: "137 with a liveness probe and a log that simply stops",
			pod:  testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 5)), withLiveness("api")),
			log:  "INFO starting\nINFO running migration 12 of 40\nINFO running migration 13 of 40\n",
			want: LivenessProbe, conf: Likely, inSum: "periodSeconds=10", missing: "get events",
		},
		// Runtime start failures as the only evidence.
		{
			name: "Failed event: executable missing, StartError 128",
			pod: testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 3,
				LastTerminationState: terminated(128, "StartError", "")})),
			events: []corev1.Event{event("Failed", "api", `Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown`, time.Minute, 4)},
			want:   CommandNotFound, conf: Certain, inEv: "/app/server",
		},
		{
			name:   "Failed event: exec format error",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB()})),
			events: []corev1.Event{event("Failed", "api", `Error: failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: exec /usr/local/bin/app: exec format error: unknown`, time.Minute, 4)},
			want:   ExecFormat, conf: Certain,
		},
		{
			name:   "Failed event: entrypoint not executable",
			pod:    testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "RunContainerError"}}})),
			events: []corev1.Event{event("Failed", "api", `Error: failed to start container "api": Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/run.sh": permission denied: unknown`, time.Minute, 2)},
			want:   CommandNotFound, conf: Certain,
		},
		{
			name: "StartError message names the missing command",
			pod: testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB(),
				LastTerminationState: terminated(128, "StartError", `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "uvicorn": executable file not found in $PATH: unknown`)})),
			want: CommandNotFound, conf: Certain, inEv: "uvicorn",
		},
		// Shell entrypoint failures.
		{
			name: "set -u unbound variable",
			pod:  app(1, "Error"),
			log:  "+ set -eu\n/docker-entrypoint.sh: line 12: DATABASE_HOST: unbound variable\n",
			want: ConfigError, inEv: "DATABASE_HOST: unbound variable",
		},
		{
			name: "script runs a missing command",
			pod:  app(127, "Error"),
			log:  "Starting worker...\n/app/start.sh: line 3: gunicorn: command not found\n",
			want: CommandNotFound, conf: Certain, inEv: "gunicorn: command not found",
		},
		// A program that prints its usage because no subcommand was given.
		{
			name: "usage output, exit 0",
			pod:  app(0, "Completed"),
			log:  "A tool to manage widgets.\n\nUsage:\n  widgetctl [command]\n\nAvailable Commands:\n  serve       Run the API server\n  migrate     Migrate the database\n\nUse \"widgetctl [command] --help\" for more information about a command.\n",
			want: ConfigError, inEv: "Usage:", inSum: "widgetctl [command]",
		},
		// Fatal-signal reports naming SIGSEGV without exit 139.
		{
			name: "Go runtime reports SIGSEGV, exit 2",
			pod:  app(2, "Error"),
			log:  "fatal error: unexpected signal during runtime execution\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7f3a2c1b4e21]\n\nruntime stack:\nruntime.throw({0x1c8e2f1?, 0x0?})\n",
			want: Segfault, inEv: "unexpected signal",
		},
		{
			name: "JVM crash report, exit 134",
			pod:  app(134, "Error"),
			log:  "#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x00007f1c2d3e4f50, pid=1, tid=27\n#\n# JRE version: OpenJDK Runtime Environment (17.0.8+7)\n",
			want: Segfault, inEv: "SIGSEGV (0xb)",
		},
		{
			name: "Go nil pointer panic is a bug, not a segfault",
			pod:  app(2, "Error"),
			log:  "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b1c]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x1c\n",
			want: AppCrash, inEv: "nil pointer dereference",
		},
		// Wrapped errors whose root cause is a configuration check.
		{
			name: "Spring bind validation under a wrapper",
			pod:  app(1, "Error"),
			log:  "org.springframework.context.ApplicationContextException: Failed to start bean 'webServerStartStop'\n\tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:181)\nCaused by: org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'shop.payments'\nCaused by: org.springframework.boot.context.properties.bind.validation.BindValidationException: Binding validation errors on shop.payments\n",
			want: ConfigError, inEv: "BindValidationException",
		},
		{
			name: "KeyError while reading the configuration",
			pod:  app(1, "Error"),
			log:  "Traceback (most recent call last):\n  File \"/app/main.py\", line 8, in <module>\n    url = settings[\"database_url\"]\nKeyError: 'database_url'\n",
			want: ConfigError, inEv: "KeyError",
		},
		// One-shot images under restartPolicy Always.
		{
			name: "hello-world with no termination recorded",
			pod:  testPod([]string{"hello"}, withImage("hello", "hello-world:latest"), sparse("hello", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 6})),
			want: Completed, inSum: "hello-world",
		},
		{
			name: "busybox with its default command",
			pod:  testPod([]string{"box"}, withImage("box", "busybox:1.36"), sparse("box", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 3})),
			want: Completed,
		},
		{
			name: "busybox running a failing command is not completed",
			pod:  testPod([]string{"box"}, withImage("box", "busybox:1.36"), withCommand("box", "sh", "-c", "exit 3"), setStatus(crashLoop("box", 3, "Error", 3))),
			want: Unknown,
		},
		{
			name: "a log that ends normally",
			pod:  testPod([]string{"job"}, sparse("job", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 4})),
			log:  "Loaded 1200 rows\nReport written to /out/report.csv\nDone.\n",
			want: Completed, conf: Possible,
		},
		// A log that names the cause wins over a weak exit-code inference.
		{
			name: "node heap OOM with exit 139",
			pod:  app(139, "Error"),
			log:  "<--- Last few GCs --->\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n",
			want: OOMKilled, inEv: "JavaScript heap out of memory",
		},
		{
			name: "kubelet event messages pasted into the log",
			pod:  testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB()})),
			log:  "Liveness probe failed: Get \"http://10.0.0.7:9000/health\": context deadline exceeded\n",
			want: LivenessProbe,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Pod: tc.pod, Events: tc.events, Now: now}
			if tc.log != "" {
				in.Logs = logOf(tc.log)
				in.Logs[tc.pod.Spec.Containers[0].Name] = tc.log
			}
			r := Diagnose(in)
			ev := strings.Join(r.Evidence, "\n")
			if r.Healthy || r.Category != tc.want {
				t.Fatalf("got healthy=%v %s (%s), want %s\nsummary: %s\nevidence:\n%s", r.Healthy, r.Category, r.Confidence, tc.want, r.Summary, ev)
			}
			if tc.conf != "" && r.Confidence != tc.conf {
				t.Errorf("confidence %s, want %s (summary %s)", r.Confidence, tc.conf, r.Summary)
			}
			if r.Confidence == "" {
				t.Error("no confidence")
			}
			if tc.inEv != "" && !strings.Contains(ev, tc.inEv) {
				t.Errorf("evidence lacks %q:\n%s", tc.inEv, ev)
			}
			if tc.inSum != "" && !strings.Contains(r.Summary, tc.inSum) {
				t.Errorf("summary lacks %q: %s", tc.inSum, r.Summary)
			}
			var cmds []string
			for _, m := range r.Missing {
				if m.What == "" || !strings.HasPrefix(m.Command, "kubectl ") {
					t.Errorf("missing entry without a kubectl command: %+v", m)
				}
				cmds = append(cmds, m.Command)
			}
			if tc.missing != "" && !strings.Contains(strings.Join(cmds, "\n"), tc.missing) {
				t.Errorf("missing commands lack %q: %q", tc.missing, cmds)
			}
			if (r.Confidence == Certain) != (len(r.Missing) == 0) {
				t.Errorf("confidence %s with %d missing entries", r.Confidence, len(r.Missing))
			}
		})
	}
}

// TestHealthyMeansRunningAndReady: healthy is every container running and
// ready, or the pod Succeeded; containers that finished where finishing is
// their job do not count against it.
func TestHealthyMeansRunningAndReady(t *testing.T) {
	never := corev1.RestartPolicyNever
	for _, tc := range []struct {
		name    string
		pod     *corev1.Pod
		healthy bool
	}{
		{"running and ready", testPod([]string{"a", "b"}), true},
		{"succeeded", testPod([]string{"a"}, func(p *corev1.Pod) {
			p.Status.Phase = corev1.PodSucceeded
			p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "a", State: terminated(0, "Completed", "")}
		}), true},
		{"job container done, sidecar still running", testPod([]string{"a", "b"}, func(p *corev1.Pod) {
			p.Spec.RestartPolicy = never
			p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "a", State: terminated(0, "Completed", "")}
		}), true},
		{"init container completed", testPod([]string{"a"}, withInit(corev1.ContainerStatus{Name: "init", Ready: true, State: terminated(0, "Completed", "")}, false)), true},
		{"running, not ready", testPod([]string{"a"}, func(p *corev1.Pod) { p.Status.ContainerStatuses[0].Ready = false }), false},
		{"no status yet", testPod([]string{"a"}, func(p *corev1.Pod) { p.Status.ContainerStatuses = nil }), false},
		{"empty status", testPod([]string{"a"}, sparse("a", corev1.ContainerStatus{})), false},
		{"waiting to be created", testPod([]string{"a"}, sparse("a", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}})), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Diagnose(Input{Pod: tc.pod, Now: now})
			if r.Healthy != tc.healthy {
				t.Fatalf("healthy = %v, want %v: %s %s", r.Healthy, tc.healthy, r.Category, r.Summary)
			}
		})
	}
}

// neverHealthyPod builds a sparse pod from fuzz input: each byte picks one
// feature of one container's status (or the pod's), as pasted statuses
// mix them.
func neverHealthyPod(data []byte) (*corev1.Pod, []corev1.Event) {
	at := func(i int) byte {
		if i < len(data) {
			return data[i]
		}
		return 0
	}
	n := int(at(0)%3) + 1
	names := []string{"app", "sidecar", "worker"}[:n]
	p := testPod(names)
	p.Status.Phase = []corev1.PodPhase{corev1.PodRunning, corev1.PodPending, corev1.PodFailed, ""}[at(1)%4]
	p.Spec.RestartPolicy = []corev1.RestartPolicy{corev1.RestartPolicyAlways, corev1.RestartPolicyOnFailure, corev1.RestartPolicyNever, ""}[at(2)%4]
	codes := []int32{0, 1, 2, 127, 128, 137, 139, 143, -1}
	var events []corev1.Event
	for i, name := range names {
		b := func(k int) byte { return at(3 + i*6 + k) }
		st := corev1.ContainerStatus{Name: name, Ready: b(0)%2 == 0, RestartCount: int32(b(1) % 5)}
		switch b(2) % 5 {
		case 1:
			st.State.Waiting = &corev1.ContainerStateWaiting{Reason: []string{"CrashLoopBackOff", "CreateContainerConfigError", "ContainerCreating", "RunContainerError", ""}[b(3)%5]}
		case 2:
			st.State.Running = &corev1.ContainerStateRunning{StartedAt: ts(time.Duration(b(3)) * time.Minute)}
		case 3:
			st.State.Terminated = &corev1.ContainerStateTerminated{ExitCode: codes[b(3)%9], Reason: []string{"Error", "OOMKilled", "Completed", ""}[b(4)%4]}
		}
		if b(4)%3 == 0 {
			st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: codes[b(5)%9], Reason: []string{"Error", "OOMKilled", "Completed", "StartError"}[b(5)%4],
				FinishedAt: ts(time.Duration(b(5)%30) * time.Minute)}
		}
		switch b(5) % 4 {
		case 0:
			p.Status.ContainerStatuses[i] = st
		case 1:
			p.Status.ContainerStatuses[i] = st
			events = append(events, backOff(name))
		case 2:
			p.Status.ContainerStatuses[i] = corev1.ContainerStatus{Name: name} // name only
			events = append(events, backOff(name))
		case 3:
			p.Status.ContainerStatuses[i] = st
			p.Spec.Containers[i].Image = ""
		}
	}
	if at(40)%5 == 0 {
		p.Status.ContainerStatuses = p.Status.ContainerStatuses[:len(p.Status.ContainerStatuses)-1] // a status missing
	}
	return p, events
}

// mustNotBeHealthy is the property: a pod that did not succeed and has a
// non-ready container with a back-off event for it, or a failed (or, under
// restartPolicy Always, any) termination, is never healthy.
func mustNotBeHealthy(p *corev1.Pod, events []corev1.Event) bool {
	if p.Status.Phase == corev1.PodSucceeded {
		return false
	}
	views := containerViews(p)
	for _, v := range views {
		st := v.status
		if st == nil || st.Ready {
			continue
		}
		if hasBackOff(events, v) {
			return true
		}
		for _, t := range []*corev1.ContainerStateTerminated{st.State.Terminated, st.LastTerminationState.Terminated} {
			if t != nil && (t.ExitCode != 0 || t.Reason == "OOMKilled" || v.restartsAlways(p)) {
				return true
			}
		}
	}
	return false
}

// FuzzNeverHealthy: any pod with a non-ready container plus a BackOff event
// or a terminated state is never reported healthy, however sparse its
// status; and Diagnose never panics on such statuses.
func FuzzNeverHealthy(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 0, 0, 1, 0, 0, 0, 0, 0},        // one container, only lastState, not ready
		{0, 0, 0, 1, 0, 1, 0, 0, 2},        // waiting CrashLoopBackOff, back-off event
		{0, 0, 0, 1, 0, 3, 5, 1, 0},        // terminated 137 OOMKilled
		{1, 0, 0, 0, 1, 2, 1, 0, 1, 1, 0},  // two containers, one running ready
		{2, 1, 2, 1, 0, 0, 0, 0, 2, 0, 0},  // Pending, restartPolicy Never
		{0, 3, 3, 1, 2, 3, 2, 2, 0, 0, 0},  // no phase, exit 0 Completed
		{0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0},  // spec without image
		{1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 40}, // a status missing
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, events := neverHealthyPod(data)
		r := Diagnose(Input{Pod: p, Events: events, Now: now})
		if mustNotBeHealthy(p, events) && r.Healthy {
			t.Fatalf("reported healthy: %s\npod status: %+v\nevents: %d", r.Message, p.Status, len(events))
		}
		if !r.Healthy && (r.Category == "" || r.Confidence == "") {
			t.Fatalf("finding without category or confidence: %+v", r.Finding)
		}
	})
}

// TestMessageDropsLoggerFraming checks that a summary's detail is the
// message, not a klog header or a structured logger's JSON context.
func TestMessageDropsLoggerFraming(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`E0202 02:35:28.127879       1 runtime.go:78] Observed a panic: "boom"`, `Observed a panic: "boom"`},
		{"Observed a panic in reconciler: nil pointer dereference\t{\"controller\": \"cluster\", \"Cluster\": {\"name\":\"c\"}, \"reconcileID\": \"1\"}", "Observed a panic in reconciler: nil pointer dereference"},
		{`Reconciler error {"controller": "x", "error": "secrets \"db\" not found"}`, `Reconciler error: secrets "db" not found`},
		{`config {"not": json`, `config {"not": json`},
		{`Error: failed to generate container "9d22c79ab6d6365ae426c5b8bf92423fda1754b546de092eeef8f863e6a5eceb" spec: no command specified`, `Error: failed to generate container "9d22c79ab6d6" spec: no command specified`},
		{`[2022-02-23 18:45:46,898] INFO Terminating process due to signal SIGTERM (x.Handler)`, `Terminating process due to signal SIGTERM (x.Handler)`},
		{`[2018-01-02T19:58:36,540][WARN ][o.e.b.Handler] [es-0] uncaught exception in thread [main]`, `uncaught exception in thread [main]`},
	} {
		if got := message(tc.in); got != tc.want {
			t.Errorf("message(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLexicalCategory: an error line no pattern knows is read by its
// words; a bug's crash stays a crash.
func TestLexicalCategory(t *testing.T) {
	for _, tc := range []struct {
		line string
		want Category
	}{
		{`Error registering network: failed to acquire lease: node "n1" pod cidr not assigned`, ConfigError},
		{`command traefik error: failed to decode configuration from flags: field not found, node: trace`, ConfigError},
		{`Error: Prefix access is denied: .minio.sys/buckets/.bloomcycle.bin`, PermissionDenied},
		{`fatal: could not connect to broker kafka-0:9092`, DependencyUnavailable},
		{`java.lang.RuntimeException: A node required to move the data consistently is down (/10.4.3.44)`, DependencyUnavailable},
		{`panic: runtime error: invalid memory address or nil pointer dereference`, Unknown},
		{`TypeError: Cannot read properties of undefined (reading 'split')`, Unknown},
		{`Error: something went wrong`, Unknown},
		{`FATAL: the store's schema is from release 3 and this binary expects release 5`, ConfigError},
		{`error: the api key must be 32 bytes long`, ConfigError},
		{`ERROR: Unknown column 'tenant_id' in 'field list'`, ConfigError},
		{`gke-operator: /lib64/libc.so.6: version GLIBC_2.34 not found (required by gke-operator)`, Unknown},
	} {
		if got, _ := lexicalCategory(tc.line); got != tc.want {
			t.Errorf("lexicalCategory(%q) = %s, want %s", tc.line, got, tc.want)
		}
	}
}
