package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// serviceAccountNamespace is where a pod finds its own namespace.
const serviceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace"

// openStoreFor opens the configured backend as the cluster of cfg. The
// postgres backend waits for its database (logging why) and migrates its
// schema before it returns; the others are openStore's.
func openStoreFor(ctx context.Context, cfg config.Config, client kubernetes.Interface, logger *slog.Logger) (store.Store, string, error) {
	if cfg.Store.Backend != "postgres" {
		return openStore(cfg.Store, client, logger)
	}
	pc := cfg.Store.Postgres
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	st, err := store.NewPostgres(store.PostgresOptions{
		Options: store.Options{Retention: cfg.Store.Retention.D()},
		DSN:     pc.DSN.Value(), Cluster: cfg.ClusterName, Schema: pc.Schema, MaxConns: pc.MaxConnections, Logger: logger,
	})
	if err != nil {
		return nil, "", fmt.Errorf("store.postgres.dsn: %w", err)
	}
	if err := st.Start(ctx); err != nil {
		st.Close()
		return nil, "", fmt.Errorf("store.postgres: %w", err)
	}
	return st, fmt.Sprintf("postgres (schema %s, cluster %s, at most %d connections)", pc.Schema, cfg.ClusterName, pc.MaxConnections), nil
}

// openStore opens the configured backend. Close it when done. logger may
// be nil (then a fallback is not reported).
func openStore(c config.Store, client kubernetes.Interface, logger *slog.Logger) (store.Store, string, error) {
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
		if c.Path != "" {
			st, err := store.Open(c.Path, opts)
			if err != nil {
				return nil, "", fmt.Errorf("store.path: %w", err)
			}
			return st, "file " + c.Path, nil
		}
		// The default location: if it cannot be used, run on without
		// persistence rather than not at all, and say so.
		path, err := defaultStatePath()
		if err == nil {
			var st store.Store
			if st, err = store.Open(path, opts); err == nil {
				return st, "file " + path, nil
			}
		}
		if logger != nil {
			logger.Warn("the default state file is unusable; keeping incidents in memory only (set store.path so a restart does not announce open incidents again)", "err", err)
		}
		return store.NewMemoryOptions(opts), "memory (default state file unusable)", nil
	}
}

// defaultStatePath is $XDG_STATE_HOME (or ~/.local/state)/crashloop-bot/state.db.
func defaultStatePath() (string, error) {
	base := os.Getenv("XDG_STATE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home directory: %w", err)
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "crashloop-bot", "state.db"), nil
}
