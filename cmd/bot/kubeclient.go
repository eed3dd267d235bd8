package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/client-go/util/homedir"

	"github.com/crashloop-bot/crashloop-bot/config"
)

// errNoCluster means no way to reach a cluster was configured at all; the
// error wrapping it says where the bot looked.
var errNoCluster = errors.New("no Kubernetes cluster configured")

// noClusterError says where the bot looked for a kubeconfig and what it
// found there, naming each file: "$KUBECONFIG=/nonexistent: no such file"
// is what a user needs, not "$KUBECONFIG unset".
func noClusterError(getenv func(string) string, stat func(string) (os.FileInfo, error), home string) error {
	var looked []string
	describe := func(name, path string) string {
		if _, err := stat(path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Sprintf("%s: %s does not exist", name, path)
		} else if err != nil {
			return fmt.Sprintf("%s: %s: %v", name, path, err)
		}
		return fmt.Sprintf("%s: %s has no contexts", name, path)
	}
	if env := getenv(clientcmd.RecommendedConfigPathEnvVar); env != "" {
		for _, p := range filepath.SplitList(env) {
			if p != "" {
				looked = append(looked, describe("$KUBECONFIG", p))
			}
		}
	} else {
		looked = append(looked, "$KUBECONFIG is not set", describe("~/.kube/config", filepath.Join(home, ".kube", "config")))
	}
	return fmt.Errorf("%w: not running in a pod, no --kubeconfig or kubernetes.kubeconfig, %s\n"+
		"  point --kubeconfig at a cluster, or try the bot on a local one with `make demo`", errNoCluster, strings.Join(looked, ", "))
}

// restConfig finds the cluster like kubectl: an explicit kubeconfig (flag,
// then config file) wins; else in-cluster when running in a pod; else
// $KUBECONFIG, else ~/.kube/config. It returns a description of the source
// for messages.
func restConfig(kf kubeFlags, kc config.Kubernetes) (*rest.Config, string, error) {
	path := kf.kubeconfig
	if path == "" {
		path = kc.Kubeconfig
	}
	ctxName := kf.context
	if ctxName == "" {
		ctxName = kc.Context
	}
	var cfg *rest.Config
	var source string
	if path == "" && ctxName == "" && os.Getenv("KUBERNETES_SERVICE_HOST") != "" {
		c, err := rest.InClusterConfig()
		if err != nil {
			return nil, "", fmt.Errorf("in-cluster config: %w", err)
		}
		cfg, source = c, "in-cluster service account"
	} else {
		rules := clientcmd.NewDefaultClientConfigLoadingRules()
		rules.ExplicitPath = path
		loader := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{CurrentContext: ctxName})
		raw, err := loader.RawConfig()
		if err != nil {
			return nil, "", fmt.Errorf("load kubeconfig: %w", err)
		}
		if len(raw.Contexts) == 0 {
			if path != "" {
				return nil, "", fmt.Errorf("kubeconfig %s has no contexts", path)
			}
			return nil, "", noClusterError(os.Getenv, os.Stat, homedir.HomeDir())
		}
		c, err := loader.ClientConfig()
		if err != nil {
			return nil, "", fmt.Errorf("kubeconfig: %w", err)
		}
		name := ctxName
		if name == "" {
			name = raw.CurrentContext
		}
		files := rules.GetLoadingPrecedence()
		if path != "" {
			files = []string{path}
		}
		cfg, source = c, fmt.Sprintf("context %q from %v", name, files)
	}
	cfg.QPS, cfg.Burst = kc.QPS, kc.Burst
	cfg.UserAgent = "crashloop-bot/" + currentBuild().Version
	// Protobuf is several times cheaper than JSON to decode for core types.
	cfg.ContentType = "application/vnd.kubernetes.protobuf"
	cfg.AcceptContentTypes = "application/vnd.kubernetes.protobuf,application/json"
	return cfg, source, nil
}

// connect builds a client and checks that the API server answers, so that a
// wrong kubeconfig fails at once with a message saying where it looked.
func connect(ctx context.Context, kf kubeFlags, kc config.Kubernetes) (kubernetes.Interface, *rest.Config, error) {
	cfg, source, err := restConfig(kf, kc)
	if err != nil {
		return nil, nil, err
	}
	client, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("kubernetes client (%s): %w", source, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	probe := client.Discovery().RESTClient().Get().AbsPath("/version").Timeout(10 * time.Second)
	if err := probe.Do(ctx).Error(); err != nil {
		return nil, nil, fmt.Errorf("cannot reach the Kubernetes API server at %s (%s): %w", cfg.Host, source, err)
	}
	return client, cfg, nil
}
