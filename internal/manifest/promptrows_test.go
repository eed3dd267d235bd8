package manifest

import "testing"

// The pod a logs prompt names is the one asked about, not a neighbour
// that fails louder in the same table (another pod's image pull).
func TestLogsPromptPicksItsRow(t *testing.T) {
	in := pasteInput(t, `NAME                               READY   STATUS         RESTARTS        AGE
mailer-6d9b8f7c5d-7vq2r            0/1     ErrImagePull   0               4m
notify-worker-7c4f9d6b8-wq5hz      1/1     Running        12 (3m2s ago)   3h12m
preferences-api-85c7b6d9f4-nn2lk   1/1     Running        0               3h12m

$ kubectl logs notify-worker-7c4f9d6b8-wq5hz -n notify --previous | tail -2
2025-10-14T08:42:12Z WARN  health: queue lag 183402 above threshold 100000, reporting unhealthy
2025-10-14T08:42:22Z WARN  health: queue lag 183950 above threshold 100000, reporting unhealthy
`)
	if in.Pod.Name != "notify-worker-7c4f9d6b8-wq5hz" {
		t.Errorf("pod = %q, want the one the logs prompt names", in.Pod.Name)
	}
}

// Watch rows of the old ReplicaSet's pod (its OOM kill) beside the new
// pod whose log is pasted: the new pod is the one looping now.
func TestLogsPromptPicksItsRowAmongWatchRows(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pods -n cms -w
NAME                         READY   STATUS      RESTARTS      AGE
strapi-7c6d9b8f5-q4w2z       0/1     OOMKilled   3 (2h ago)    9h
strapi-7c6d9b8f5-q4w2z       1/1     Running     4 (1s ago)    9h
strapi-5f8b7d6c9-m8tkv       0/1     Error               1 (3s ago)    10s
strapi-5f8b7d6c9-m8tkv       0/1     CrashLoopBackOff    1 (2s ago)    11s

$ kubectl logs strapi-5f8b7d6c9-m8tkv -n cms --previous
Error: EACCES: permission denied, open '/opt/app/public/uploads/.gitkeep'
`)
	if in.Pod.Name != "strapi-5f8b7d6c9-m8tkv" {
		t.Errorf("pod = %q, want the one the logs prompt names", in.Pod.Name)
	}
}

// A crashed app's log beside another project's rows: a pod running, not
// ready and never restarted (the dependency still starting) is not the
// container whose crash the log shows.
func TestNeverRestartedRowIsNotTheLogsPod(t *testing.T) {
	in := pasteInput(t, `2025-02-14 08:21:09,977 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Failed to start quarkus
Caused by: io.vertx.core.impl.NoStackTraceThrowable: OIDC server returned 503 status code

And the SSO project right now:

NAME                    READY   STATUS      RESTARTS   AGE
keycloak-0              0/1     Running     0          2m
keycloak-postgresql-0   1/1     Running     0          41d
`)
	if in.Pod.Name == "keycloak-0" {
		t.Errorf("pod = %q, a row that never restarted taken for the crashed app", in.Pod.Name)
	}
}
