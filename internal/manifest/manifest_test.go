package manifest

import (
	"errors"
	"strings"
	"testing"
)

const podYAML = `apiVersion: v1
kind: Pod
metadata:
  name: api-1
  namespace: shop
spec:
  containers:
  - name: api
    image: shop/api:1.2
status:
  containerStatuses:
  - name: api
    restartCount: 4
    state:
      waiting:
        reason: CrashLoopBackOff
`

const eventJSON = `{"apiVersion":"v1","kind":"Event","metadata":{"name":"e1","namespace":"shop"},
 "involvedObject":{"kind":"Pod","name":"api-1","namespace":"shop"},"reason":"BackOff","message":"Back-off restarting failed container api"}`

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name          string
		input         string
		pods, events  int
		wantErr       string
		wantErrIsKind bool
	}{
		{name: "pod yaml", input: podYAML, pods: 1},
		{name: "event json", input: eventJSON, events: 1},
		{name: "multi document", input: podYAML + "---\n" + eventJSON + "\n---\n# only a comment\n", pods: 1, events: 1},
		{name: "kind List", input: `{"apiVersion":"v1","kind":"List","items":[` + eventJSON + `,{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}]}`, pods: 1, events: 1},
		{name: "EventList", input: "apiVersion: v1\nkind: EventList\nitems:\n- metadata: {name: a}\n  reason: BackOff\n- metadata: {name: b}\n", events: 2},
		{name: "PodList", input: "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n", pods: 1},
		{name: "empty", input: "", pods: 0},
		{name: "deployment: its pod template", input: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: app, image: app:1}\n", pods: 1},
		{name: "cronjob: its job's pod template", input: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - {name: job, image: job:1}\n", pods: 1},
		{name: "deployment without containers", input: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n", wantErr: "Deployment d has no containers", wantErrIsKind: true},
		{name: "custom resource embedding a pod spec", input: "apiVersion: x.io/v1\nkind: Workspace\nmetadata: {name: w}\ninference:\n  template:\n    spec:\n      containers:\n      - name: llm\n        image: llm:1\n        args: [run]\n", pods: 1},
		{name: "custom resource without one", input: "apiVersion: x.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n", wantErr: "unsupported kind x.io/v1 Widget", wantErrIsKind: true},
		{name: "service", input: "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", wantErr: "unsupported kind Service", wantErrIsKind: true},
		{name: "a secret whose data does not decode", input: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  ca.pem: <your CA here>\n", wantErr: "unsupported kind Secret (it does not decode", wantErrIsKind: true},
		{name: "a pod that does not decode is an error", input: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: 3}\n", wantErr: "decode Pod"},
		{name: "service in list", input: `{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Service"}]}`, wantErr: "item 0", wantErrIsKind: true},
		{name: "not kubernetes", input: "hello: world\n", wantErr: "not a Kubernetes object"},
		{name: "not yaml", input: "{{{{", wantErr: "document 1"},
		{name: "second doc bad", input: podYAML + "---\nfoo: [\n", wantErr: "document 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Objects
			err := o.Parse("in.yaml", strings.NewReader(tc.input))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.HasPrefix(err.Error(), "in.yaml: ") {
					t.Fatalf("err = %v, want it to name the file and contain %q", err, tc.wantErr)
				}
				if errors.Is(err, ErrUnsupportedKind) != tc.wantErrIsKind {
					t.Fatalf("errors.Is(err, ErrUnsupportedKind) = %v", !tc.wantErrIsKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(o.Pods) != tc.pods || len(o.Events) != tc.events {
				t.Fatalf("got %d pods, %d events; want %d, %d", len(o.Pods), len(o.Events), tc.pods, tc.events)
			}
		})
	}
}

func TestParseKeepsPodStatus(t *testing.T) {
	var o Objects
	if err := o.Parse("p", strings.NewReader(podYAML)); err != nil {
		t.Fatal(err)
	}
	p := o.Pods[0]
	if p.Namespace != "shop" || p.Status.ContainerStatuses[0].RestartCount != 4 || p.Status.ContainerStatuses[0].State.Waiting.Reason != "CrashLoopBackOff" {
		t.Fatalf("pod decoded wrongly: %+v", p)
	}
}

// FuzzParse feeds arbitrary bytes; Parse must return, never panic.
func FuzzParse(f *testing.F) {
	f.Add(podYAML)
	f.Add(eventJSON)
	f.Add("apiVersion: v1\nkind: List\nitems: [{kind: Pod, apiVersion: v1}]\n")
	f.Add("---\n---\n")
	f.Fuzz(func(t *testing.T, in string) {
		var o Objects
		_ = o.Parse("fuzz", strings.NewReader(in))
	})
}
