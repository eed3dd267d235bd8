package demo

import (
	"context"
	"io"
	"os"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

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
	t.Cleanup(func() { removeScenarios(t, env.Admin, d.Scenarios) })
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

// removeScenarios deletes what Setup created, so the test can run again
// on the same control plane (-count=N). The test control plane runs no
// garbage collector, so each kind is deleted on its own, pods at once.
func removeScenarios(t *testing.T, c kubernetes.Interface, scenarios []Scenario) {
	ctx := context.Background()
	now := int64(0)
	del := metav1.DeleteOptions{GracePeriodSeconds: &now}
	done := map[string]bool{}
	for _, s := range scenarios {
		if done[s.Namespace] {
			continue
		}
		done[s.Namespace] = true
		errs := []error{
			c.AppsV1().Deployments(s.Namespace).DeleteCollection(ctx, del, metav1.ListOptions{}),
			c.AppsV1().ReplicaSets(s.Namespace).DeleteCollection(ctx, del, metav1.ListOptions{}),
			c.CoreV1().Pods(s.Namespace).DeleteCollection(ctx, del, metav1.ListOptions{}),
			c.CoreV1().Events(s.Namespace).DeleteCollection(ctx, del, metav1.ListOptions{}),
		}
		for _, err := range errs {
			if err != nil {
				t.Errorf("clean up namespace %s: %v", s.Namespace, err)
			}
		}
	}
}
