package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"k8s.io/apimachinery/pkg/util/rand"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/leaderelection"
	"k8s.io/client-go/tools/leaderelection/resourcelock"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// errLostLease ends the process when another replica took over: a fresh
// start is the simplest way to be sure nothing of the old leader runs on.
var errLostLease = errors.New("lost the leader lease; exiting so a restart starts clean")

// elect campaigns for the Lease and runs lead while holding it.
func elect(ctx context.Context, c config.LeaderElection, client kubernetes.Interface, logger *slog.Logger, ready *readiness, lead func(context.Context) error) error {
	ns := c.Namespace
	if ns == "" {
		ns = ownNamespace()
	}
	if ns == "" {
		return fmt.Errorf("leader_election.namespace: required outside a pod")
	}
	host, _ := os.Hostname()
	id := host + "-" + rand.String(5)
	lock, err := resourcelock.New(resourcelock.LeasesResourceLock, ns, c.LeaseName,
		client.CoreV1(), client.CoordinationV1(), resourcelock.ResourceLockConfig{Identity: id})
	if err != nil {
		return fmt.Errorf("lease %s/%s: %w", ns, c.LeaseName, err)
	}
	log := logger.With("component", "leader-election", "lease", ns+"/"+c.LeaseName, "identity", id)
	var leadErr error
	le, err := leaderelection.NewLeaderElector(leaderelection.LeaderElectionConfig{
		Lock:            lock,
		LeaseDuration:   c.LeaseDuration.D(),
		RenewDeadline:   c.RenewDeadline.D(),
		RetryPeriod:     c.RetryPeriod.D(),
		ReleaseOnCancel: true,
		Name:            c.LeaseName,
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) {
				log.Info("leading: watching and posting")
				leadErr = lead(ctx)
			},
			OnStoppedLeading: func() { log.Info("no longer leading") },
			OnNewLeader: func(identity string) {
				if identity != id {
					log.Info("another replica leads; serving Slack requests only", "leader", identity)
				}
			},
		},
	})
	if err != nil {
		return fmt.Errorf("leader_election: %w", err)
	}
	log.Info("waiting to become leader")
	le.Run(ctx) // returns when ctx ends or the lease is lost
	if leadErr != nil {
		return leadErr
	}
	if ctx.Err() == nil {
		return errLostLease
	}
	return nil
}

// ownNamespace is the pod's namespace: $POD_NAMESPACE, else the service
// account's namespace file; "" outside a pod.
func ownNamespace() string {
	if ns := os.Getenv("POD_NAMESPACE"); ns != "" {
		return ns
	}
	b, err := os.ReadFile(serviceAccountNamespace)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// silenceSource lets the incident manager read the store's silences.
type silenceSource struct{ st store.Store }

// ActiveSilences maps each silenced key to its silence.
func (s silenceSource) ActiveSilences(ctx context.Context) (map[incident.Key]incident.Silence, error) {
	ss, err := s.st.Silences(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[incident.Key]incident.Silence, len(ss))
	for _, x := range ss {
		out[x.Key] = incident.Silence{Until: x.Until, By: x.By}
	}
	return out, nil
}
