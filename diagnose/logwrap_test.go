package diagnose

import "testing"

func TestWrapsOnto(t *testing.T) {
	for _, tc := range []struct {
		name, prev, next string
		want             bool
	}{
		{"a message cut mid-sentence", "      Error: failed to create containerd task: failed to create shim", "      task: OCI runtime create failed: runc create failed: unable to", true},
		{"a quoted name on the next line", "      MountVolume.SetUp failed for volume \"conf\" : configmap", "      \"nginx-conf\" not found", true},
		{"not indented", "Error: failed to create containerd task: failed to create shim", "task: OCI runtime create failed: runc create failed: unable to", false},
		{"indented differently", "    Error: failed to create containerd task: failed to create shim", "      task: OCI runtime create failed", false},
		{"a short line", "    Error: exec failed", "    task: OCI runtime", false},
		{"a line that ends a sentence", "    The container exits with an error after it has loaded the config.", "    the next start fails the same way", false},
		{"a stack frame", "    java.lang.IllegalStateException: Failed to load ApplicationContext for test", "    at org.springframework.test.context.TestContext.load(TestContext.java:98)", false},
		{"a YAML key", "    image: registry.example.com/team/backend-service-with-a-long-name", "    imagePullPolicy: Always", false},
		{"a capital letter", "    Error: failed to create containerd task: failed to create shim", "    Task failed", false},
	} {
		if got := wrapsOnto([]byte(tc.prev), []byte(tc.next)); got != tc.want {
			t.Errorf("%s: wrapsOnto = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A message hard-wrapped in a commit message is read whole; lines of a
// code block that only look alike are not joined.
func TestWrappedMessages(t *testing.T) {
	checkLogRules(t, []logRule{
		{"runc's error wrapped at 72 columns", "    Add the venv to PATH:\n\n      Error: failed to create containerd task: failed to create shim\n      task: OCI runtime create failed: runc create failed: unable to\n      start container process: exec: \"uvicorn\": executable file not\n      found in $PATH: unknown\n", CommandNotFound, "executable file not found in $PATH"},
		{"the kubelet's missing ConfigMap wrapped", "    The pod never started:\n\n      MountVolume.SetUp failed for volume \"conf\" : configmap\n      \"nginx-conf\" not found\n", MissingConfigObject, "configmap \"nginx-conf\" not found"},
		{"a code block's Compose lines", "    worker-1  | /usr/local/bin/entrypoint.sh: 4: exec: gosu: not found\n    worker-1 exited with code 127\n", CommandNotFound, "gosu: not found"},
	})
}
