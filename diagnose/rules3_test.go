package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// logRules3 are logs for the general rules of round 3 of the corpus: the
// failure modes of unseen reports, each as a class of evidence.
var logRules3 = []logRule{
	{"a wrapper that names no cause yields to a line beside it that does",
		"Exception in thread \"main\" java.lang.RuntimeException: Startup failed\nERROR: unable to reach host db.shop.svc:5432\n",
		DependencyUnavailable, "unable to reach host"},
	{"a crash that names a bug keeps it",
		"panic: runtime error: invalid memory address or nil pointer dereference\nERROR: could not connect to the metrics sink\n",
		AppCrash, "nil pointer"},
	{"a refused connection to localhost in a one-container pod is the app's setting",
		"Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1141:16)\n",
		ConfigError, "ECONNREFUSED 127.0.0.1:6379"},
	{"etcd on localhost is a control-plane dependency, not a setting",
		`W0101 00:00:01.000000       1 clientconn.go:1223] grpc: addrConn.createTransport failed to connect to {127.0.0.1:2379  <nil> 0 <nil>}. Err :connection error: desc = "transport: Error while dialing dial tcp 127.0.0.1:2379: connect: connection refused"` + "\n" +
			"F0101 00:00:11.000000       1 storage_decorator.go:57] Unable to create storage backend: config (&{ /registry {[https://127.0.0.1:2379]} }), err (context deadline exceeded)\n",
		DependencyUnavailable, "127.0.0.1:2379"},
	{"a name that does not resolve stays a dependency even on localhost wording",
		"getaddrinfo ENOTFOUND redis\n", DependencyUnavailable, "ENOTFOUND"},
	{"a bare failure to start yields to the warning just before it",
		"2019-04-02 10:59:28.128 [WARNING][8] startup.go 863: Calico node 'k8s-node-1' is already using the IPv4 address 10.32.0.1.\n2019-04-02 10:59:28.128 [WARNING][8] startup.go 1042: Terminating\nCalico node failed to start\n",
		ConfigError, "is already using the IPv4 address"},
	{"TLS material that does not load is configuration",
		`"msg"="Failed to generate initial serving certificate, retrying..." "error"="failed verifying CA keypair: tls: failed to find any PEM data in certificate input"` + "\n",
		ConfigError, "failed verifying CA keypair"},
	{"a probe failure in the reporter's words outranks what the probe met",
		"they don't meet the liveness probe - getting \"connection refused\" for the Spring Boot's `/actuator/health` endpoint.\n",
		LivenessProbe, "liveness probe"},
	{"a program that says it ends on its own has finished",
		"This causes the file read loop to happen five times, then the scheduler exits.\n",
		Completed, "then the scheduler exits"},
	{"an exit on a signal is not a clean one",
		"Received SIGTERM, exiting gracefully\n", LivenessProbe, "SIGTERM"},
	{"a plain statement of what the configuration lacks is the error",
		"loki-backend-2 loki at least one bucket name must be specified\n", ConfigError, "must be specified"},
	{"a native backtrace is a crash, quoted at its first frame",
		"[2020/09/15 11:15:45] [debug] [upstream] KA connection #558 to fluentd:24224 is now available\n#0  0x563e3021d38e      in  cb_stdout_flush() at plugins/out_stdout/stdout.c:144\n#1  0x563e3019d629      in  output_pre_cb_flush() at include/flb_output.h:449\n",
		AppCrash, "cb_stdout_flush()"},
	{"a value the reporter calls wrong is a setting",
		"I deploy a custom LLM workspace using the template, but with a bad model ID.\n", ConfigError, "bad model ID"},
	{"a report of an ARM node running images built for amd64",
		"I did install Ubuntu 20.04 on Oracle Cloud (Ampere A1 Compute instances (Arm processor) VM.\nNow I'm getting **CrashLoopBackOff**  for almost all pods.\n", ExecFormat, "Ampere"},
	{"an HTTP request whose error was cut off is an unreachable dependency",
		`Error starting CSI manager: Failed to initialize Longhorn API client: Get \"http://longhorn-backend:9500/v1` + "\n", DependencyUnavailable, "longhorn-backend"},
	{"a usage dump of flags is a flag the program does not accept",
		"      --kubeconfig string                                       The path to the kubeconfig used to connect to the Kubernetes API server\n      --kubelet-port int                                        The port to use to connect to Kubelets (default 10250)\n",
		ConfigError, "--kubeconfig string"},
	{"data a new instance finds from an earlier one",
		"When all pods are running, delete slave pod. Then when the pod comes back again it is stuck with CrashLoopBackOff, because it is using the previous pvc.\n",
		ConfigError, "previous pvc"},
	{"corrupt data files are the volume's state",
		"Cannot create redo log files because data files are corrupt or the database was not shut down cleanly after creating the data files\n",
		ConfigError, "data files are corrupt"},
	{"an Erlang atom's words are read",
		"Kernel pid terminated (application_controller) ({application_start_failure,rabbitmq_prelaunch,{{shutdown,{failed_to_start_child,prelaunch,failed_to_prepare_configuration}}}})\n",
		ConfigError, "failed_to_prepare_configuration"},
	{"a probe that fires too early in the reporter's words",
		"The bundled Keycloak ships with startupProbe.enabled: false by default, but its livenessProbe fires ~123s in — too short for a cold boot in most real environments.\n",
		LivenessProbe, "livenessProbe fires"},
	{"the Go HTTP client's timeout is an unreachable dependency",
		`time="2017-05-05T22:36:41Z" level=error msg="Error creating TLS config: Get https://acme-v01.api.letsencrypt.org/directory: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"` + "\n",
		DependencyUnavailable, "Client.Timeout exceeded"},
	{"an informer cache that never syncs is a kind not installed or not listable",
		"failed to sync cache: timed out waiting for the condition\n", ConfigError, "failed to sync cache"},
	{"a dependency's server error",
		`level=fatal msg="Failed to do run once: received internal server error response (HTTP 500), please try again later"` + "\n",
		DependencyUnavailable, "internal server error"},
	{"a C++ program's uncaught exception is quoted where it terminates",
		"terminate called after throwing an instance of 'boost::wrapexcept<util::AprException>'\n  what():  BaseException: Could not find the requested symbol.\n  at liboneagentdotnet.so [0x90ec22]\n",
		AppCrash, "terminate called after throwing"},
	{"a failing health check in the reporter's words is the probe",
		"I checked the event log the pod is due to healthcheck failed, not OOM\n", LivenessProbe, "healthcheck failed"},
	{"an environment variable named like a host is a setting, not DNS",
		"Exception: Environment variable DB_HOST not found\n", ConfigError, "DB_HOST not found"},
}

func TestScanLogRules3(t *testing.T) {
	checkLogRules(t, logRules3)
}

func TestLexicalCategory3(t *testing.T) {
	for _, tc := range []struct {
		line string
		want Category
	}{
		{`Error: unable to reach host db:5432`, DependencyUnavailable},
		{`upstream request timed out after 30s`, DependencyUnavailable},
		{`fatal: refusing to start: data directory is owned by another user`, PermissionDenied},
		{`Unable to auto-detect an IPv4 address: no valid IPv4 addresses found on the host interfaces`, ConfigError},
		{`Error: accepts 1 arg(s), received 0`, ConfigError},
		{`ERROR: relation "users" does not exist`, ConfigError},
		{`System.ArgumentNullException: Value cannot be null.`, ConfigError},
		{`node 'a' is already using the IPv4 address 10.0.0.1`, ConfigError},
		{`failed to load TLS certificate /certs/tls.crt`, ConfigError},
		{`error: the signing key is missing`, ConfigError},
		{`SyntaxError: Missing parentheses in call to 'print'`, Unknown},
		{`version GLIBC_2.34 not found (required by app)`, Unknown},
	} {
		if got, _ := lexicalCategory(tc.line); got != tc.want {
			t.Errorf("lexicalCategory(%q) = %s, want %s", tc.line, got, tc.want)
		}
	}
}

// TestDiagnoseLoopback checks that the pod decides what a refused
// connection to localhost means: a setting in a one-container pod, a
// dependency when a sidecar or the node should listen there.
func TestDiagnoseLoopback(t *testing.T) {
	log := "Error: connect ECONNREFUSED 127.0.0.1:5432\n"
	one := testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 3)))
	r := Diagnose(Input{Pod: one, Now: now, Logs: map[string]string{"api": log}})
	if r.Category != ConfigError || !strings.Contains(r.Summary, "localhost") {
		t.Fatalf("one container: got %s: %s", r.Category, r.Summary)
	}
	two := testPod([]string{"api", "cloud-sql-proxy"}, setStatus(crashLoop("api", 1, "Error", 3)))
	r = Diagnose(Input{Pod: two, Now: now, Logs: map[string]string{"api": log}})
	if r.Category != DependencyUnavailable {
		t.Fatalf("with a sidecar: got %s: %s", r.Category, r.Summary)
	}
	host := testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 3)), func(p *corev1.Pod) { p.Spec.HostNetwork = true })
	r = Diagnose(Input{Pod: host, Now: now, Logs: map[string]string{"api": log}})
	if r.Category != DependencyUnavailable {
		t.Fatalf("host network: got %s: %s", r.Category, r.Summary)
	}
}

// TestDaemonLogIsNotAFinishedTask checks that a server's quiet log (every
// line at a logger's info level) is not read as a one-shot program that
// finished, while a plain program's output still is.
func TestDaemonLogIsNotAFinishedTask(t *testing.T) {
	pod := testPod([]string{"node"}, sparse("node", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 5}))
	daemon := "2022-10-27 08:17:56.235 [INFO][11] startup.go 103: Using autodetected IPv4 address on interface ens5\n" +
		"2022-10-27 08:33:48.674 [INFO][81] startup.go 103: Using autodetected IPv4 address on interface nodelocaldns\n"
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"node": daemon}})
	if r.Category == Completed {
		t.Fatalf("a daemon's log read as a finished task: %s", r.Summary)
	}
	r = Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"node": "Hello World!\n"}})
	if r.Category != Completed {
		t.Fatalf("a program's output: got %s: %s", r.Category, r.Summary)
	}
}

// TestReportersWordsAreNotErrors checks that prose pasted with a log (the
// reporter's first-person account, a line that only says it crash loops)
// is never quoted as the program's error.
func TestReportersWordsAreNotErrors(t *testing.T) {
	for _, log := range []string{
		"I checked in the logs using following commands, there are no evidence of any error there.\n",
		"Because there is no logs in Pod, I cannot show provide other useful information.\n",
		"Kubernetes is restarting python docker container with CrashLoop BackOff error.\n",
		`E1016 22:28:40.521301    9787 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"postgresql\" with CrashLoopBackOff"` + "\n",
	} {
		if got := ScanLog(strings.NewReader(log)); got.Category != Unknown {
			t.Errorf("%q read as %s (%q)", log, got.Category, got.Line)
		}
	}
	// A cause named in the reporter's words still counts.
	if got := ScanLog(strings.NewReader("I get exec /app: exec format error\n")); got.Category != ExecFormat {
		t.Errorf("a named cause in prose: got %s", got.Category)
	}
}

// TestServerStartIsNotAFinishedTask checks that a log in which a server
// says it starts, and which then stops without an error, is not read as a
// program that finished its work: something stopped it.
func TestServerStartIsNotAFinishedTask(t *testing.T) {
	pod := testPod([]string{"sonarqube"}, sparse("sonarqube", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 5}))
	log := "sonarqube 11:20:14.24 INFO  ==> ** SonarQube setup finished! **\nsonarqube 11:20:14.26 INFO  ==> ** Starting SonarQube **\nRunning SonarQube...\nwrapper  | --> Wrapper Started as Console\nwrapper  | Launching a JVM...\n"
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"sonarqube": log}})
	if r.Category == Completed {
		t.Fatalf("a server's start read as a finished task: %s", r.Summary)
	}
}

// TestDatastoreNeighbour checks that a crashing app with nothing else to
// go on, beside a running database pod, is read as starting before it can
// reach that dependency; and that the guess never outweighs evidence or
// applies to the database itself.
func TestDatastoreNeighbour(t *testing.T) {
	pod := testPod([]string{"server"}, sparse("server", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 1}))
	mysql := []Neighbour{{Name: "pipecd-mysql-84cbf4b587-qm76j", Status: "Running", Ready: true}}
	r := Diagnose(Input{Pod: pod, Now: now, Neighbours: mysql})
	if r.Category != DependencyUnavailable || r.Confidence != Possible || !strings.Contains(strings.Join(r.Evidence, "\n"), "pipecd-mysql") {
		t.Fatalf("got %s (%s): %s %q", r.Category, r.Confidence, r.Summary, r.Evidence)
	}
	// A log that names a cause outweighs the neighbour.
	r = Diagnose(Input{Pod: pod, Now: now, Neighbours: mysql, Logs: map[string]string{"server": "Error: unknown flag: --port\n"}})
	if r.Category != ConfigError {
		t.Fatalf("with a log: got %s: %s", r.Category, r.Summary)
	}
	// Without a database beside it, only the commonest cause is guessed.
	r = Diagnose(Input{Pod: pod, Now: now, Neighbours: []Neighbour{{Name: "web-1", Status: "Running"}}})
	if r.Category != ConfigError || !strings.Contains(r.Summary, "(a guess)") {
		t.Fatalf("no datastore: got %s: %s", r.Category, r.Summary)
	}
	// A node's static etcd pod is the cluster's store, not the app's.
	controlPlane := []Neighbour{{Name: "etcd-k8s-master.lab", Status: "Running", Ready: true},
		{Name: "kube-apiserver-k8s-master.lab", Status: "Running", Ready: true}}
	r = Diagnose(Input{Pod: pod, Now: now, Neighbours: controlPlane})
	if r.Category == DependencyUnavailable {
		t.Fatalf("a control plane's etcd: got %s: %s", r.Category, r.Summary)
	}
	// ... but it is the API server's own dependency.
	apiserver := testPod([]string{"kube-apiserver"}, sparse("kube-apiserver", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 1}))
	apiserver.Name = "kube-apiserver-k8s-master.lab"
	r = Diagnose(Input{Pod: apiserver, Now: now, Neighbours: controlPlane})
	if r.Category != DependencyUnavailable {
		t.Fatalf("the API server beside its etcd: got %s: %s", r.Category, r.Summary)
	}
	// The database itself crashing is not "waiting for a database".
	db := testPod([]string{"mysql"}, sparse("mysql", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 1}))
	r = Diagnose(Input{Pod: db, Now: now, Neighbours: []Neighbour{{Name: "redis-0", Status: "Running"}}})
	if r.Category == DependencyUnavailable {
		t.Fatalf("a crashing database: got %s: %s", r.Category, r.Summary)
	}
}
