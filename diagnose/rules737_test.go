package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 307 onwards (session 39).
func TestRules737(t *testing.T) {
	checkLogRules(t, []logRule{
		{"pgx's connection summary before a lookup failure, in logfmt", "time=\"2025-10-07T14:22:13.120Z\" level=fatal msg=\"Fatal error from runtime: failed to connect to `host=pg-primary.data.svc.cluster.local user=dapr database=dapr_state`: hostname resolving error (lookup pg-primary.data.svc.cluster.local on 10.96.0.10:53: no such host)\" app_id=orders scope=dapr.runtime\n", DependencyUnavailable, "no such host"},
		{"a host name that is a whole assignment", "dial tcp: lookup DB_HOST=postgres on 10.96.0.10:53: no such host\n", ConfigError, "DB_HOST=postgres"},
		{"the NFS server that does not answer", "Output: mount.nfs: Connection timed out\n", DependencyUnavailable, "mount.nfs"},
		{"an NFS export that refuses the node", "Output: mount.nfs4: access denied by server while mounting 127.0.0.1:/\n", PermissionDenied, "access denied by server"},
		{"llama.cpp's server on a taken port", "main: couldn't bind HTTP server socket, hostname: 0.0.0.0, port: 8080\n", PortConflict, "couldn't bind HTTP server socket"},
		{"Ray's head on a taken port", "ValueError: Failed to bind to 0.0.0.0:6379 because it's already occupied. You can use `ray start --port=...` to use a different port.\n", PortConflict, "already occupied"},
		{"Flink's BLOB server on a taken port", "Caused by: java.io.IOException: Unable to open BLOB Server in specified port range: 6124\n", PortConflict, "BLOB Server"},
		{"a CUDA kernel's illegal memory access", "RuntimeError: CUDA error: an illegal memory access was encountered\nCUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\n", AppCrash, "illegal memory access"},
		{"CUDA's forward compatibility on a consumer GPU", "RuntimeError: Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling NumCudaDevices() that might have already set an error? Error 804: forward compatibility was attempted on non supported HW\n", ConfigError, "forward compatibility"},
		{"Node's Buffer read past its end", "[red] Uncaught Exception:\nRangeError [ERR_OUT_OF_RANGE]: The value of \"offset\" is out of range. It must be >= 0 and <= 2. Received 4\n    at Buffer.readUInt16BE (node:internal/buffer:242:5)\n", AppCrash, "ERR_OUT_OF_RANGE"},
		{"an MQTT broker refusing the login", "Zigbee2MQTT:error 2025-05-02 10:11:12: MQTT error: Connection refused: Bad username or password\n", ConfigError, "Bad username or password"},
		{"a model server's generic stop under the model's bug", "E0311 09:02:46.004511 1 model_lifecycle.cc:654] \"failed to load 'tokenizer' version 1: Internal: TypeError: AutoTokenizer.from_pretrained() missing 1 required positional argument: 'pretrained_model_name_or_path'\"\nI0311 09:02:46.004603 1 model_lifecycle.cc:789] \"failed to load 'tokenizer'\"\nerror: creating server: Internal - failed to load all models\n", AppCrash, "missing 1 required positional argument"},
		{"Python's min() of nothing", "  File \"/opt/airflow/plugins/trading_timetable.py\", line 41, in next_dagrun_info\n    start = min(d for d in self.days if d > last)\nValueError: min() arg is an empty sequence\n", AppCrash, "empty sequence"},
		{"a traceback copied from Grafana Explore, time and a tab before each line", "2025-02-11 16:25:08.444\tTraceback (most recent call last):\n2025-02-11 16:25:08.446\t  File \"/app/quoter/rates.py\", line 52, in normalise\n2025-02-11 16:25:08.447\t    cur = row[\"currency\"]\n2025-02-11 16:25:08.447\tKeyError: 'currency'\n", AppCrash, "KeyError: 'currency'"},
		{"a cloud API failing on its side after the SDK's retries", "{\"level\":\"fatal\",\"msg\":\"decrypt data key\",\"err\":\"operation error KMS: Decrypt, exceeded maximum number of attempts, 3, https response error StatusCode: 500, RequestID: 0e1d, KMSInternalException: \"}\n", DependencyUnavailable, "StatusCode: 500"},
		{"GKE Workload Identity bound to a Google account IAM does not know", "2025/02/25 10:04:56 loader: fatal: compute: Received 404 `Unable to generate access token; IAM returned 404 Not Found: Not found; Gaia id not found for email bq-loader@acme-data-prd.iam.gserviceaccount.com`\n", ConfigError, "Gaia id not found"},
		{"Azure's managed identity of another client id", "azure.identity._exceptions.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource. Error Details: {\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}\n", ConfigError, "has not been assigned"},
		{"Next.js's type error at build", "Failed to compile.\n\n./app/orders/page.tsx:41:22\nType error: Property 'customerId' does not exist on type 'Order'. Did you mean 'customer_id'?\n", AppCrash, "does not exist on type"},
		{"docker events of a container the kernel OOM-killed", "metrics-victoria-1 oom \nmetrics-victoria-1 die 137\nmetrics-victoria-1 start \n", OOMKilled, "oom"},
		{"docker events of a container that died with 139", "1752142211 docs-pdf-render-1 die exitCode=139\n1752142262 docs-pdf-render-1 die exitCode=139\n", Segfault, "exitCode=139"},
		{"a configmap's name after a lost space", "Error: configmap\"portal-web-settings\" not found\n", MissingConfigObject, "portal-web-settings"},
	})
	checkNotRead(t, []notRead{
		// ceph status's usage field is no program's usage message.
		{"  data:\n    pools:   3 pools, 97 pgs\n    usage:   313 GiB used, 2.7 TiB / 3.0 TiB avail\n", ConfigError},
		// A traced command's arguments are no error.
		{"+ ffmpeg -hide_banner -loglevel error -i /incoming/clip02.mov /outgoing/clip02.mp4\n+ echo 'processed 2/2 files'\nprocessed 2/2 files\n+ exit 0\n", ConfigError},
		// A JSON reply with no failures and no timeout.
		{"{\"took\":3187,\"timed_out\":false,\"total\":90224,\"created\":90224,\"failures\":[]}\nreindex finished\n", DependencyUnavailable},
	})
}

// A mount whose file server does not answer, and an attach the cloud
// refuses, decide a pod that never started; the kubelet's own wait for a
// mount does not.
func TestVolumeEvents737(t *testing.T) {
	st := corev1.ContainerStatus{Name: "jellyfin", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}
	for _, tc := range []struct {
		reason, msg string
		want        Category
	}{
		{"FailedMount", "MountVolume.SetUp failed for volume \"media\" : mount failed: exit status 32 Mounting command: mount Mounting arguments: -t nfs 192.168.10.20:/volume1/media /var/lib/kubelet/pods/3a4b/volumes/kubernetes.io~nfs/media Output: mount.nfs: Connection timed out", DependencyUnavailable},
		{"FailedAttachVolume", "AttachVolume.Attach failed for volume \"pvc-7c2e\" : rpc error: code = Internal desc = Could not attach volume \"vol-0f1e\" to node \"i-0a9b\": operation error EC2: AttachVolume, https response error StatusCode: 403, RequestID: 1c2d, api error UnauthorizedOperation: You are not authorized to perform this operation.", PermissionDenied},
	} {
		ev := event(tc.reason, "", tc.msg, time.Minute, 12)
		r := Diagnose(Input{Pod: testPod([]string{"jellyfin"}, setStatus(st)), Events: []corev1.Event{ev}, Now: now})
		if r.Category != tc.want {
			t.Errorf("%s: got %s, want %s: %s", tc.reason, r.Category, tc.want, r.Summary)
		}
	}
	wait := event("FailedMount", "", "Unable to attach or mount volumes: unmounted volumes=[media], unattached volumes=[media]: timed out waiting for the condition", time.Minute, 11)
	if r := Diagnose(Input{Pod: testPod([]string{"jellyfin"}, setStatus(st)), Events: []corev1.Event{wait}, Now: now}); r.Category == DependencyUnavailable {
		t.Errorf("the kubelet's wait for a mount read as a dependency: %s", r.Summary)
	}
}

// A log that ends with a traced script's "+ exit 0" or a tool's closing
// summary is a finished task's, even with the asker's words beside it.
func TestToolEndings737(t *testing.T) {
	for _, log := range []string{
		"+ pg_dump --format=custom orders\n+ aws s3 cp - s3://backups/orders.dump\n+ echo 'backup uploaded'\nbackup uploaded\n+ exit 0\n",
		"tests/integration/test_webhooks.py .....                                 [100%]\n=============== 214 passed, 3 skipped, 2 warnings in 41.27s ================\n",
		"ok  \tbilling/internal/invoice\t0.412s\tcoverage: 71.2% of statements\nok  \tbilling/internal/tax\t0.201s\tcoverage: 64.0% of statements\n",
		"22/u add_credit_notes (12.40ms)\n23/u index_credit_notes_customer (9.871204ms)\n",
	} {
		wantCompleted(t, "Why does this pod keep failing? It ran fine on my laptop.\n"+log)
	}
}

// wantCompleted checks that a looping container with log is read as a
// finished task.
func wantCompleted(t *testing.T, log string) {
	t.Helper()
	pod := testPod([]string{"job"}, sparse("job", corev1.ContainerStatus{RestartCount: 9, State: waitingCLB()}))
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"job": log}}); r.Category != Completed {
		t.Errorf("%q: got %s: %s", log, r.Category, r.Summary)
	}
}
