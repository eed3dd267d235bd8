package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// logRules are one- or few-line logs, each for a rule added while
// measuring the engine on unseen reports (round 2 of the corpus), with the
// category the log points to and a piece of the line that must be quoted.
var logRules = []logRule{
	{"usage behind a log viewer's time column",
		"Fri, Apr 15 2022 2:20:13 pm | Usage:\nFri, Apr 15 2022 2:20:13 pm |  \nFri, Apr 15 2022 2:20:13 pm | app.sh [OPTIONS] [COMMAND]\n",
		ConfigError, "| Usage:"},
	{"an env var name is upper case: an Erlang term's undefined is not one",
		`error:{shutdown,{failed_to_start_child,auth,{"Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only",[]}},{child,undefined,net_sup_dynamic,{}}}`,
		PermissionDenied, "must be accessible by owner only"},
	{"an upper-case env var still counts",
		"FATAL: DATABASE_URL is not set\n", ConfigError, "DATABASE_URL is not set"},
	{"ssh key permissions",
		"Permissions 0644 for '/root/.ssh/id_rsa' are too open.\nIt is required that your private key files are NOT accessible by others.\n",
		PermissionDenied, "are too open"},
	{"a runtime mount failure is a mount, whatever its errno",
		`Error: failed to start container "x": Error response from daemon: oci runtime error: container_linux.go:247: starting container process caused "process_linux.go:359: container init caused \"rootfs_linux.go:54: mounting \\\"/var/lib/kubelet/pods/p/volume-subpaths/config/x/0\\\" to rootfs \\\"/merged\\\" at \\\"/merged/etc/x.yml\\\" caused \\\"no such file or directory\\\"\""`,
		ConfigError, "rootfs_linux.go:54: mounting"},
	{"the kernel's OOM report",
		"[Wed Dec  6 23:54:11 2017] java invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=-998\n[Wed Dec  6 23:54:11 2017] Call Trace:\n[Wed Dec  6 23:54:11 2017]  [<ffffffff8116cdde>] oom_kill_process+0x24e/0x3b0\n",
		OOMKilled, "java invoked oom-killer"},
	{"the kernel's kill line",
		"Memory cgroup out of memory: Killed process 4121 (node) total-vm:1822556kB, anon-rss:523244kB\n", OOMKilled, "Killed process 4121"},
	{"a cluster member its peers do not know",
		"java.lang.RuntimeException: My id 2 not in the peer list\n        at org.apache.zookeeper.server.quorum.QuorumPeer.start(QuorumPeer.java:1073)\n",
		ConfigError, "My id 2 not in the peer list"},
	{"an API 403 inside a Rust panic",
		`thread 'main' panicked at 'component reflector cannot be created: Error(Status(403), "https://10.0.0.1/apis/x/v1/components?")', src/libcore/result.rs:999:5`,
		PermissionDenied, "Status(403)"},
	{"a Rust panic is a crash",
		"thread '<unnamed>' panicked at 'called `Result::unwrap()` on an `Err` value: ()', src/metadata.rs:171:18\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
		AppCrash, "panicked at"},
	{"a value rejected by the values it accepts",
		"PHP Fatal error:  Uncaught RuntimeException: The only supported ciphers are AES-128-CBC and AES-256-CBC with the correct key lengths. in /var/www/html/Encrypter.php:44\n",
		ConfigError, "The only supported ciphers"},
	{"a lost leader lease",
		`I1014 06:25:26.324963       1 leaderelection.go:278] failed to renew lease kube-system/x-leader-election: timed out waiting for the condition` + "\n" +
			`E1014 06:25:26.325409       1 start.go:138] x "msg"="manager goroutine exited" "error"="error running manager: leader election lost"` + "\n",
		DependencyUnavailable, "failed to renew lease"}, // round 6: the failed renewal is quoted before the exit it causes
	{"a command's usage error",
		"/bin/chown: missing operand after '1001:1001'\nTry '/bin/chown --help' for more information.\n",
		ConfigError, "missing operand"},
	{"an operator whose CRD is not installed, zap console format with its stack",
		`2020-10-08T11:58:02.572Z        ERROR   controller-runtime.source       if kind is a CRD, it should be installed before calling Start   {"kind": "HTTPChaos.chaos-mesh.org", "error": "no matches for kind \"HTTPChaos\" in version \"chaos-mesh.org/v1alpha1\""}` + "\ngithub.com/go-logr/zapr.(*zapLogger).Error\n        /go/pkg/mod/github.com/go-logr/zapr@v0.1.0/zapr.go:128\n",
		ConfigError, "no matches for kind"},
	{"nothing configured where something must be",
		"plugin/forward: no nameservers found\n", ConfigError, "no nameservers found"},
	{"an RBAC denial inside a logfmt message (escaped quotes)",
		`time="2022-01-06T07:43:18Z" level=fatal msg="Error starting daemon: invalid empty flag x and it also does not exist at ConfigMap kube-system/c with err: configmaps \"c\" is forbidden: User \"system:serviceaccount:kube-system:sa\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"kube-system\""`,
		PermissionDenied, `is forbidden: User \"system:serviceaccount:kube-system:sa\" cannot get resource`},
	{"a command with spaces the runtime cannot find",
		`Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--config /opt/kcm/config": stat --config /opt/kcm/config: no such file or directory: unknown`,
		CommandNotFound, `exec: "--config /opt/kcm/config"`},
	{"a migration the program refuses, behind a helper's noise",
		"find: /etc/harbor/ssl: No such file or directory\n2020-10-30T00:26:00Z [FATAL] [/core/main.go:174]: failed to migrate: please upgrade to version 1.10 first\n",
		ConfigError, "failed to migrate"},
	{"a database login without a password",
		"psycopg2.OperationalError: fe_sendauth: no password supplied\n", ConfigError, "no password supplied"},
	{"advice is not an error",
		"Starting server\nIf this container fails to start due to permission problems try to fix it by executing:\nERROR: listen tcp :80: bind: address already in use\n",
		PortConflict, "address already in use"},
}

func TestScanLogRules(t *testing.T) {
	checkLogRules(t, logRules)
}

// TestDiagnoseRound2Shapes covers pod shapes met in round 2 of the corpus.
func TestDiagnoseRound2Shapes(t *testing.T) {
	t.Run("an old kubelet's message in the waiting reason", func(t *testing.T) {
		pod := testPod([]string{"master"}, func(p *corev1.Pod) {
			p.Status.Phase = corev1.PodPending
			p.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "Couldn't find key options in Secret jenkins/jenkins"}}
		})
		r := Diagnose(Input{Pod: pod, Now: now})
		if r.Healthy || r.Category != MissingConfigObject {
			t.Fatalf("got %s healthy=%v: %s", r.Category, r.Healthy, r.Summary)
		}
	})
	t.Run("a failing ownership command with nothing else said", func(t *testing.T) {
		pod := testPod([]string{"app"}, func(p *corev1.Pod) {
			p.Spec.InitContainers = []corev1.Container{{Name: "file-permissions", Image: "busybox:1.28", Command: []string{"chown", "-R", "1000:1000", "/usr/share/elasticsearch/"}}}
			p.Status.InitContainerStatuses = []corev1.ContainerStatus{crashLoop("file-permissions", 1, "Error", 4)}
		})
		r := Diagnose(Input{Pod: pod, Now: now})
		if r.Category != PermissionDenied || r.Container != "file-permissions" {
			t.Fatalf("got %s for %s: %s", r.Category, r.Container, r.Summary)
		}
		// A log that names another cause outweighs the guess.
		r = Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"file-permissions": "/bin/chown: missing operand after '1000:1000'\n"}})
		if r.Category != ConfigError {
			t.Fatalf("with a log: got %s: %s", r.Category, r.Summary)
		}
	})
	t.Run("running again after restarts, with a crash in the log given", func(t *testing.T) {
		pod := testPod([]string{"cainjector"}, func(p *corev1.Pod) {
			p.Status.ContainerStatuses[0].RestartCount = 81
		})
		log := `E1014 06:25:26.325409       1 start.go:138] "msg"="manager goroutine exited" "error"="error running manager: leader election lost"` + "\n"
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"cainjector": log}})
		if r.Healthy || r.Category != DependencyUnavailable {
			t.Fatalf("got %s healthy=%v: %s", r.Category, r.Healthy, r.Summary)
		}
		// The same pod with a log that names no cause stays healthy.
		r = Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"cainjector": "serving on :8080\n"}})
		if !r.Healthy {
			t.Fatalf("healthy pod reported as %s: %s", r.Category, r.Summary)
		}
	})
}

// logRule is a log that must be read as cat, with quote in the first
// line of evidence.
type logRule struct {
	name, log string
	cat       Category
	quote     string
}

func checkLogRules(t *testing.T, rules []logRule) {
	t.Helper()
	for _, tc := range rules {
		t.Run(tc.name, func(t *testing.T) {
			got := ScanLog(strings.NewReader(tc.log))
			if got.Category != tc.cat {
				t.Errorf("category = %s, want %s (line %q)", got.Category, tc.cat, got.Line)
			}
			if len(got.Evidence) == 0 || !strings.Contains(got.Evidence[0], tc.quote) {
				t.Errorf("evidence %q lacks %q", got.Evidence, tc.quote)
			}
		})
	}
}

// notRead is an ordinary log line that uses a cause's words (a healthy
// program, a configured setting, a denial): it must not be read as not.
type notRead struct {
	log string
	not Category
}

func checkNotRead(t *testing.T, cases []notRead) {
	t.Helper()
	for _, tc := range cases {
		if got := ScanLog(strings.NewReader(tc.log)); got.Category == tc.not {
			t.Errorf("%q read as %s (%q)", tc.log, got.Category, got.Line)
		}
	}
}

// wordsCase is a report told in words and the category its words name.
type wordsCase struct {
	name, words string
	want        Category
}

// checkWords diagnoses each report given only in words (no state, no
// exit) and checks the category its words name.
func checkWords(t *testing.T, cases []wordsCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": tt.words}}); r.Category != tt.want {
				t.Errorf("got %s, want %s: %s", r.Category, tt.want, r.Summary)
			}
		})
	}
}

// notAbout checks that words given alone are not read as cat.
func notAbout(t *testing.T, words string, cat Category, what string) {
	t.Helper()
	if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": words}}); r.Category == cat {
		t.Errorf("%s: %s", what, r.Summary)
	}
}

// A stack printed as bare source locations after "Observed a panic"
// (k8s.io/apimachinery's HandleCrash) is frames: the panic's own line is
// quoted, not "/usr/local/go/src/runtime/panic.go:522".
func TestSourceLocationsAreFrames(t *testing.T) {
	checkLogRules(t, []logRule{
		{"apimachinery's panic with its frames", "E1120 14:02:18.341472       1 runtime.go:69] Observed a panic: &runtime.TypeAssertionError{missingMethod:\"\"} (interface conversion: runtime.Object is *unstructured.UnstructuredList, not *unstructured.Unstructured)\n/go/pkg/mod/k8s.io/apimachinery/pkg/util/runtime/runtime.go:76\n/usr/local/go/src/runtime/panic.go:522\n/usr/local/go/src/runtime/iface.go:248\n", AppCrash, "interface conversion"},
	})
}
