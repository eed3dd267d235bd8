package diagnose

import "testing"

// Rules added for the faults of rounds 612 to 626 and batches 209 to 224.
func TestRules612(t *testing.T) {
	checkWords(t, []wordsCase{
		{"an old ConfigMap name a sidecar still references", "Old configmap name cf-runtime-spec still referenced by sidecar container\n\nAfter this change renamed the configmap the sidecar container crashloops.\n", MissingConfigObject},
		{"a pod that still points to the deleted secret", "After the upgrade the worker keeps restarting; its env still points to the deleted secret from the old release.\n", MissingConfigObject},
	})
	notAbout(t, "The old configmap is still mounted but the new key is read first; the app rejects the value of LOG_LEVEL.\n", MissingConfigObject, "a key the old ConfigMap holds")
}
