package kubesim

import (
	"context"
	"fmt"
	"sync"

	corev1 "k8s.io/api/core/v1"
)

// StormWorkload is one Deployment of a crash storm: its name, image and
// how many replicas crash.
type StormWorkload struct {
	Name     string
	Image    string
	Replicas int
}

// CreateStorm creates the Deployments of a storm in namespace, each with its
// own image (as unrelated apps have), workers at a time, and returns their
// pods by Deployment.
func (s *Sim) CreateStorm(ctx context.Context, namespace string, ws []StormWorkload, workers int) (map[string][]*corev1.Pod, error) {
	out := map[string][]*corev1.Pod{}
	var mu sync.Mutex
	err := Parallel(ctx, len(ws), workers, func(i int) error {
		w := ws[i]
		pods, err := s.CreateDeployment(ctx, Deployment{Namespace: namespace, Name: w.Name, Replicas: w.Replicas,
			Template: corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: w.Image}}}})
		if err != nil {
			return err
		}
		mu.Lock()
		out[w.Name] = pods
		mu.Unlock()
		return nil
	})
	return out, err
}

// CrashAll makes every pod crash as c says, workers at a time, as when a
// node runs out of memory and the kubelet reports one OOM kill after the
// other.
func (s *Sim) CrashAll(ctx context.Context, pods []*corev1.Pod, c Crash, workers int) error {
	return Parallel(ctx, len(pods), workers, func(i int) error {
		if _, err := s.CrashLoop(ctx, pods[i], c); err != nil {
			return fmt.Errorf("crash %s/%s: %w", pods[i].Namespace, pods[i].Name, err)
		}
		return nil
	})
}

// Parallel calls f(0..n-1) on workers goroutines and returns the first
// error; after an error no new call starts.
func Parallel(ctx context.Context, n, workers int, f func(i int) error) error {
	work := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range work {
				if err := f(i); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	var err error
feed:
	for i := range n {
		select {
		case work <- i:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return err
}
