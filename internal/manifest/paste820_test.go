package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// Faults of textbook batches 555 to 561 (session 50) in pastes.
func TestPastes820(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a spec of two containers, then the describe of both", "The asset-sync sidecar is in CrashLoopBackOff, nginx is fine. Spec:\n\n```yaml\n        - name: asset-sync\n          image: public.ecr.aws/aws-cli/aws-cli:2.15.38\n          args: [\"s3\", \"sync\", \"s3://acme-assets/current/\", \"/assets/\"]\n        - name: nginx\n          image: nginx:1.25-alpine\n```\n\n```\n$ kubectl -n reports describe pod reports-web-66f8bd9c7b-9hwz4\n...\n  asset-sync:\n    Image:         public.ecr.aws/aws-cli/aws-cli:2.15.38\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Ready:          False\n    Restart Count:  8\n  nginx:\n    Image:          nginx:1.25-alpine\n    State:          Running\n    Ready:          True\n    Restart Count:  0\n```\n", diagnose.Completed},
		{"a jsonpath of exit code, reason and restarts on one line", "Loki shows the warmer finishing every five minutes:\n\n2024-09-16 11:20:48.513   level=info msg=\"cache warm finished\" keys=184220\n2024-09-16 11:20:48.514   level=info msg=\"exiting\"\n\n$ kubectl -n catalog get pod warmer-0 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{\" \"}{.status.containerStatuses[0].lastState.terminated.reason}{\" \"}{.status.containerStatuses[0].restartCount}{\"\\n\"}'\n0 Completed 37\n\nIs the cache warmed or is it failing silently?\n", diagnose.Completed},
		{"a describe's last state told on one line beside Argo CD's table", "Argo CD shows billing Degraded:\n\nGROUP  KIND        NAMESPACE  NAME             STATUS  HEALTH    HOOK  MESSAGE\napps   Deployment  billing    billing-migrate  Synced  Degraded        deployment.apps/billing-migrate configured\n\npod billing-migrate-6d8b9f5c47-tq7wv: CrashLoopBackOff, 12 restarts, Last State: Terminated, Reason: Completed\n", diagnose.Completed},
		{"the kubelet's journal says the liveness probe failed", "The exporter sidecar restarts; its own log only warns about slow scrapes.\n\n$ sudo crictl logs 84b1d0e6c7a92 | tail -2\nlevel=warn ts=2024-12-02T15:41:03.121Z caller=collector.go:98 msg=\"failed to fetch and decode node stats\" err=\"context deadline exceeded\"\nlevel=info ts=2024-12-02T15:42:05.220Z caller=main.go:248 msg=\"shutting down\" signal=terminated\n\n$ journalctl -u kubelet | grep es-exporter | tail -1\nDec 02 15:42:05 es-node-2 kubelet[912]: I1202 15:42:05.203118     912 prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"logging/es-data-2\" containerName=\"es-exporter\" probeResult=\"failure\" output=\"Get \\\"http://10.0.12.9:9114/metrics\\\": context deadline exceeded\"\n", diagnose.LivenessProbe},
	})
}
