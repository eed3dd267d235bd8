package manifest

import "testing"

// TestDescribeEmptyControlledBy: a describe cut so that "Controlled By:" has
// no value used to panic (found by a mutation run seeded with the corpus);
// it is now a pod without an owner, and the rest of the paste is still read.
func TestDescribeEmptyControlledBy(t *testing.T) {
	in := `Name:         api-7d9c8b6f5-x2x9z
Namespace:    shop
Status:       Running
Controlled By:
Containers:
  api:
    Image:          shop/api:1.4
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Ready:          False
    Restart Count:  6
`
	got := pastedInput(t, in)
	if len(got.Pod.OwnerReferences) != 0 {
		t.Errorf("owners %v, want none", got.Pod.OwnerReferences)
	}
	cs := got.Pod.Status.ContainerStatuses
	if len(cs) != 1 || cs[0].LastTerminationState.Terminated == nil || cs[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("container statuses %+v", cs)
	}
}
