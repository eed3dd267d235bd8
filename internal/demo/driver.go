package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
)

// Driver creates the scenarios and keeps their pods crashing.
type Driver struct {
	Sim       *kubesim.Sim
	Scenarios []Scenario
	// Progress receives a line per step for the person watching.
	Progress io.Writer
	// Every is the time between crash rounds.
	Every time.Duration

	pods map[string][]*corev1.Pod
}

// Setup creates namespaces and workloads, saying how far along it is.
func (d *Driver) Setup(ctx context.Context) error {
	d.pods = map[string][]*corev1.Pod{}
	for i, s := range d.Scenarios {
		what := "healthy"
		switch {
		case s.Crash != nil:
			what = "will crash-loop: " + s.Want
		case s.ImagePull:
			what = "image pull back-off (must not alert)"
		}
		fmt.Fprintf(d.Progress, "demo: creating workload %d/%d: %s/%s, %d pod(s), %s\n", i+1, len(d.Scenarios), s.Namespace, s.Name, s.Replicas, what)
		ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: s.Namespace}}
		if _, err := d.Sim.Client.CoreV1().Namespaces().Create(ctx, ns, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create namespace %s: %w", s.Namespace, err)
		}
		pods, err := d.Sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: s.Namespace, Name: s.Name, Replicas: s.Replicas, Template: s.Template})
		if err != nil {
			return err
		}
		d.pods[key(s)] = pods
		if s.ImagePull {
			if _, err := d.Sim.ImagePullBackOff(ctx, pods[0], s.Template.Containers[0].Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// Run crashes the crashing scenarios' pods every d.Every, recovering those
// whose FixAfter rounds have passed, until ctx ends.
func (d *Driver) Run(ctx context.Context) error {
	for round := 1; ; round++ {
		if err := d.Round(ctx, round); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(d.Every):
		}
	}
}

// Round performs crash round n (1-based).
func (d *Driver) Round(ctx context.Context, n int) error {
	for _, s := range d.Scenarios {
		if s.Crash == nil {
			continue
		}
		pods := d.pods[key(s)]
		switch {
		case s.FixAfter > 0 && n == s.FixAfter+1:
			fmt.Fprintf(d.Progress, "demo: %s/%s gets fixed (someone set the missing variable); its pods now run ready\n", s.Namespace, s.Name)
			for _, p := range pods {
				if _, err := d.Sim.Recover(ctx, p); err != nil {
					return err
				}
			}
		case s.FixAfter > 0 && n > s.FixAfter:
			// recovered: stays healthy
		default:
			for _, p := range pods {
				if _, err := d.Sim.CrashLoop(ctx, p, *s.Crash); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func key(s Scenario) string { return s.Namespace + "/" + s.Name }
