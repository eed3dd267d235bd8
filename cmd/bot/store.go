package main

import (
	"fmt"
	"os"
	"path/filepath"

	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// serviceAccountNamespace is where a pod finds its own namespace.
const serviceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace"

// openStore opens the configured backend. Close it when done.
func openStore(c config.Store, client kubernetes.Interface) (store.Store, string, error) {
	opts := store.Options{Retention: c.Retention.D()}
	switch c.Backend {
	case "memory":
		return store.NewMemoryOptions(opts), "memory (nothing survives a restart)", nil
	case "configmap":
		ns := c.Namespace
		if ns == "" {
			ns = ownNamespace()
		}
		if ns == "" {
			return nil, "", fmt.Errorf("store.namespace: required with store.backend configmap outside a pod")
		}
		return store.NewConfigMaps(client, ns, opts), "ConfigMaps in namespace " + ns, nil
	default:
		path := c.Path
		if path == "" {
			base := os.Getenv("XDG_STATE_HOME")
			if base == "" {
				home, err := os.UserHomeDir()
				if err != nil {
					return nil, "", fmt.Errorf("store.path: not set and no home directory: %w", err)
				}
				base = filepath.Join(home, ".local", "state")
			}
			path = filepath.Join(base, "crashloop-bot", "state.db")
		}
		st, err := store.Open(path, opts)
		if err != nil {
			return nil, "", fmt.Errorf("store.path: %w", err)
		}
		return st, "file " + path, nil
	}
}
