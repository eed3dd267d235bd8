package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/internal/demo"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster"
)

func runDemo(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("demo", "[--config FILE] [--bin-dir DIR] [--every DURATION]",
		`Run the bot against a local control plane with workloads that crash-loop
in different ways (OOM kill, missing environment variable, database down,
failing liveness probe, exit 0) beside healthy ones and an image-pull
back-off. The real 'run' pipeline watches them; alerts print to the terminal,
or go to Slack when --config sets a channel and a bot token is in the
environment. Needs kube-apiserver and etcd: 'make demo' builds them first.
Stop it with Ctrl-C.`, s)
	configPath := fs.String("config", "", "configuration file (Slack settings are used; cluster access is the local one)")
	binDir := fs.String("bin-dir", localcluster.DefaultBinDir(), "directory holding kube-apiserver and etcd")
	every := fs.Duration("every", 20*time.Second, "time between crash rounds")
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(*configPath)
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	if err := demoMain(ctx, cfg, *binDir, *every, s); err != nil {
		fmt.Fprintf(s.err, "crashloop-bot demo: %v\n", err)
		return 1
	}
	return 0
}

func demoMain(ctx context.Context, cfg config.Config, binDir string, every time.Duration, s stdio) error {
	fmt.Fprintln(s.err, "demo: starting a local Kubernetes control plane (etcd + kube-apiserver on 127.0.0.1)")
	cluster, err := localcluster.Start(ctx, localcluster.Options{BinDir: binDir, Progress: s.err})
	if errors.Is(err, localcluster.ErrBinariesMissing) {
		return fmt.Errorf("%w\n  build them with: make test-cluster   (about 5 minutes, once)", err)
	}
	if err != nil {
		return err
	}
	defer cluster.Stop()
	kubelet, err := localcluster.StartKubelet()
	if err != nil {
		return err
	}
	defer kubelet.Close()
	admin, err := kubernetes.NewForConfig(cluster.AdminConfig())
	if err != nil {
		return err
	}
	const node = "demo-node-1"
	if err := kubelet.RegisterNode(ctx, admin, node); err != nil {
		return err
	}
	kubeconfig := filepath.Join(cluster.Dir, "kubeconfig")
	if err := cluster.WriteKubeconfig(kubeconfig, ""); err != nil {
		return err
	}
	fmt.Fprintf(s.err, "demo: kubeconfig for this cluster: %s (try: KUBECONFIG=%s crashloop-bot diagnose shop/<pod>)\n", kubeconfig, kubeconfig)

	driver := &demo.Driver{Sim: kubesim.New(admin, kubelet, node), Scenarios: demo.Scenarios(), Progress: s.err, Every: every}
	if err := driver.Setup(ctx); err != nil {
		return err
	}

	// The bot itself, exactly as `run` wires it, on the local cluster.
	cfg.ClusterName = "demo"
	cfg.Kubernetes.Kubeconfig, cfg.Kubernetes.Context = kubeconfig, ""
	cfg.Watch.GroupWait = config.Duration(3 * time.Second)
	cfg.Watch.ResolveAfter = config.Duration(30 * time.Second)
	cfg.Store.Backend, cfg.Store.Path = "file", filepath.Join(cluster.Dir, "state.db")
	cfg.Server.Listen = ""
	logger := newLogger(s.err, cfg.Log)
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	botErr := make(chan error, 1)
	go func() { botErr <- runBot(botCtx, cfg, kubeFlags{}, logger, s) }()

	fmt.Fprintf(s.err, "demo: pods crash every %s; expect one alert per crashing workload after the %s group-wait, updates as replicas crash, and a resolution for shop/payments-api. Ctrl-C stops.\n",
		every, cfg.Watch.GroupWait.D())
	driveErr := make(chan error, 1)
	go func() { driveErr <- driver.Run(botCtx) }()
	select {
	case <-ctx.Done():
		fmt.Fprintln(s.err, "demo: stopping")
		stopBot()
		<-botErr
		return nil
	case err := <-botErr:
		return err
	case err := <-driveErr:
		stopBot()
		<-botErr
		return err
	}
}
