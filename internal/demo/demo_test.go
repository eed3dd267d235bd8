package demo

import (
	"io"
	"os"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
)

func TestMain(m *testing.M) { os.Exit(lctest.Run(m)) }

// TestScenariosDiagnoseAsAdvertised runs the demo's first crash round on the
// real API server and checks that the gathered pods diagnose as each
// scenario says, so the demo never shows a wrong answer.
func TestScenariosDiagnoseAsAdvertised(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	d := &Driver{Sim: kubesim.New(env.Admin, env.Kubelet, lctest.NodeName), Scenarios: Scenarios(), Progress: io.Discard}
	if err := d.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Round(ctx, 1); err != nil {
		t.Fatal(err)
	}
	g := kube.NewGatherer(env.Admin, kube.GatherOptions{})
	for _, s := range d.Scenarios {
		for _, pod := range d.pods[key(s)] {
			got, err := g.Gather(ctx, pod.Namespace, pod.Name)
			if err != nil {
				t.Fatal(err)
			}
			r := diagnose.Diagnose(got.Input)
			switch {
			case s.Want == "" && !s.ImagePull && !r.Healthy:
				t.Errorf("%s: healthy scenario diagnosed %s: %s", pod.Name, r.Category, r.Summary)
			case s.Want != "" && string(r.Category) != s.Want:
				t.Errorf("%s: category %s (%s), want %s", pod.Name, r.Category, r.Summary, s.Want)
			case s.Want != "" && (r.Owner == nil || r.Owner.Kind != "Deployment" || r.Owner.Name != s.Name):
				t.Errorf("%s: owner %v, want Deployment/%s", pod.Name, r.Owner, s.Name)
			}
		}
	}
}
