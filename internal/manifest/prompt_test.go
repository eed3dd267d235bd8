package manifest

import "testing"

func TestReadPrompts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want promptNames
	}{
		{"$ kubectl logs api-7d9f -n payments --previous\n", promptNames{pod: "api-7d9f", namespace: "payments"}},
		{"kubectl -n shop logs -p web-1 -c app\n", promptNames{pod: "web-1", namespace: "shop", container: "app"}},
		{"[root@m1 ~]# kubectl describe pod web-1 --namespace=shop\n", promptNames{pod: "web-1", namespace: "shop"}},
		{"$ oc describe pod/web-1\n", promptNames{pod: "web-1"}},
		{"$ kubectl get pods -n shop\n$ kubectl logs web-1 --tail 50\n", promptNames{pod: "web-1", namespace: "shop"}},
		{"$ kubectl logs deploy/web -n shop\n", promptNames{namespace: "shop"}},
		{"$ kubectl logs <pod-name>\n", promptNames{}},
		{"$ kubectl logs -l app=web --tail 20 | grep error\n", promptNames{}},
		{"$ kubectl get pods\n", promptNames{}},
		{"the logs say kubectl logs is empty\n", promptNames{}},
	} {
		if got := readPrompts(tc.in); got != tc.want {
			t.Errorf("%q: got %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// A paste of a log after its `kubectl logs` prompt names the pod and the
// namespace the suggested commands use.
func TestPromptNamesThePod(t *testing.T) {
	in := pastedInput(t, "$ kubectl logs api-7d9f -n payments -c server --previous\nError: connect ECONNREFUSED 10.0.0.5:5432\n")
	if in.Pod.Name != "api-7d9f" || in.Pod.Namespace != "payments" {
		t.Errorf("pod %s/%s, want payments/api-7d9f", in.Pod.Namespace, in.Pod.Name)
	}
	if len(in.Pod.Spec.Containers) != 1 || in.Pod.Spec.Containers[0].Name != "server" {
		t.Errorf("containers %+v, want one named server", in.Pod.Spec.Containers)
	}
}
