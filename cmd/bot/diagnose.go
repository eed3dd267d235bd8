package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/internal/manifest"
	"github.com/crashloop-bot/crashloop-bot/kube"
)

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func runDiagnose(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("diagnose", "NAMESPACE/POD | -f FILE [-f FILE ...] [--logs [CONTAINER=]FILE ...]",
		`Explain why a pod is crash-looping: the failing container, its exit code
and what it means, the most likely cause with the evidence behind it, and
the next steps.

Live:    crashloop-bot diagnose shop/api-7d9f8-x2x1    (uses your kubeconfig)
Offline: kubectl get pod api-7d9f8-x2x1 -o yaml > pod.yaml
         kubectl get events --field-selector involvedObject.name=api-7d9f8-x2x1 -o yaml > events.yaml
         kubectl logs api-7d9f8-x2x1 --previous > api.log
         crashloop-bot diagnose -f pod.yaml -f events.yaml --logs api.log
         crashloop-bot diagnose -f describe.txt      (kubectl describe pod output)

FILE is whatever you have, in the shape kubectl printed it: YAML or JSON
(a Pod, an Event, a List of them, a fragment of a pod's status,
`+"`docker inspect`"+` output, or an ECS task from `+"`aws ecs describe-tasks`"+`),
`+"`kubectl describe pod`"+` text, an events table, `+"`kubectl get pods`"+` output,
or a plain log ("-" reads stdin); the shape is detected from the content.
One file may hold several of them, as a whole issue or question is pasted
(each output in its own code block, after its prompt or a blank line).
--logs FILE applies to the failing container; --logs NAME=FILE to container
NAME. Offline, the time of the diagnosis is the latest timestamp in the
input (when the output was printed).`, s)
	var files, logs repeated
	fs.Var(&files, "f", "a Pod/Event/List file (repeatable; - for stdin)")
	fs.Var(&logs, "logs", "previous log of a container: FILE or CONTAINER=FILE (repeatable)")
	output := fs.String("o", "text", "output format: text or json")
	configPath := fs.String("config", "", "configuration file, for kubernetes.* and watch.log_* (live mode)")
	var kf kubeFlags
	kf.register(fs)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if *output != "text" && *output != "json" {
		fmt.Fprintf(s.err, "diagnose: -o must be text or json, not %q\n", *output)
		return 2
	}
	var in diagnose.Input
	var rollout *change.Rollout
	var err error
	switch {
	case len(files) > 0 && fs.NArg() == 0:
		in, err = offlineInput(files, logs, s.in, s.err)
	case len(files) == 0 && fs.NArg() == 1:
		if len(logs) > 0 {
			fmt.Fprintln(s.err, "diagnose: --logs is for offline mode (-f); live mode fetches the logs itself")
			return 2
		}
		in, rollout, err = liveInput(ctx, fs.Arg(0), *configPath, kf)
	default:
		fs.Usage()
		return 2
	}
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot diagnose: %v\n", err)
		return 1
	}
	report := diagnose.Diagnose(in)
	if *output == "json" {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			diagnose.Report
			WhatChanged *change.Rollout `json:"what_changed,omitempty"`
		}{report, rollout})
	} else {
		err = diagnose.WriteText(s.out, report)
		if err == nil && rollout != nil && !report.Healthy {
			err = writeWhatChanged(s.out, *rollout, in.Now)
		}
	}
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot diagnose: %v\n", err)
		return 1
	}
	if report.Healthy {
		return 3 // healthy: not an error, but scripts can tell
	}
	return 0
}

// liveInput gathers the pod NAMESPACE/POD from the cluster.
func liveInput(ctx context.Context, target, configPath string, kf kubeFlags) (diagnose.Input, *change.Rollout, error) {
	ns, name, ok := strings.Cut(target, "/")
	if !ok || ns == "" || name == "" || strings.Contains(name, "/") {
		return diagnose.Input{}, nil, fmt.Errorf("%q is not NAMESPACE/POD", target)
	}
	if errs := validation.IsDNS1123Label(ns); len(errs) > 0 {
		return diagnose.Input{}, nil, fmt.Errorf("namespace %q: %s", ns, strings.Join(errs, "; "))
	}
	if errs := validation.IsDNS1123Subdomain(name); len(errs) > 0 {
		return diagnose.Input{}, nil, fmt.Errorf("pod name %q: %s", name, strings.Join(errs, "; "))
	}
	cfg, err := config.Load(configPath)
	if err != nil {
		return diagnose.Input{}, nil, err
	}
	client, _, err := connect(ctx, kf, cfg.Kubernetes)
	if err != nil {
		return diagnose.Input{}, nil, err
	}
	g := kube.NewGatherer(client, kube.GatherOptions{LogTailLines: cfg.Watch.LogTailLines, LogLimitBytes: cfg.Watch.LogLimitBytes})
	got, err := g.Gather(ctx, ns, name)
	if err != nil {
		return diagnose.Input{}, nil, err
	}
	// What changed before the crash; partial answers (reads forbidden) still help.
	rollout, _ := kube.NewHistory(client).WhatChanged(ctx, got.Input.Pod, got.Owner)
	return got.Input, &rollout, nil
}

// writeWhatChanged prints the rollout section after the diagnosis.
func writeWhatChanged(w io.Writer, r change.Rollout, now time.Time) error {
	line := change.Describe(r, time.Time{}, now)
	steps := change.NextSteps(r, now)
	if line == "" && len(steps) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nWhat changed: %s\n", line)
	for _, st := range steps {
		fmt.Fprintf(w, "  - %s\n", st)
	}
	return nil
}

// offlineInput reads pods, events and logs from files, each in whatever
// shape it was saved or pasted in.
// What the reading decided (an object read as text, which pod of several)
// is said on warn.
func offlineInput(files, logs []string, stdin io.Reader, warn io.Writer) (diagnose.Input, error) {
	var objs manifest.Objects
	for _, f := range files {
		if err := parseFile(&objs, f, stdin); err != nil {
			return diagnose.Input{}, err
		}
	}
	named := map[string]bool{}
	for _, l := range logs {
		container, path, ok := strings.Cut(l, "=")
		if !ok {
			container, path = "", l
		}
		data, err := readLimited(path, stdin)
		if err != nil {
			return diagnose.Input{}, fmt.Errorf("--logs %s: %w", l, err)
		}
		if container != "" {
			named[container] = true
		}
		objs.Logs = append(objs.Logs, manifest.Log{Container: container, Text: data})
	}
	in, err := objs.Input(time.Now())
	for _, n := range objs.Notes() {
		fmt.Fprintf(warn, "crashloop-bot diagnose: note: %s\n", n)
	}
	if errors.Is(err, manifest.ErrNothing) {
		return diagnose.Input{}, fmt.Errorf("%s: %w", strings.Join(files, ", "), err)
	}
	if err != nil {
		return diagnose.Input{}, err
	}
	// A log named for a container the pod does not have is a typo.
	if objs.HasPod() {
		for c := range named {
			if !hasContainer(in.Pod, c) {
				return diagnose.Input{}, fmt.Errorf("--logs %s=...: pod %s has no container %q", c, in.Pod.Name, c)
			}
		}
	}
	return in, nil
}

func parseFile(objs *manifest.Objects, path string, stdin io.Reader) error {
	if path == "-" {
		_, err := objs.ParseAny("stdin", stdin)
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = objs.ParseAny(path, f)
	return err
}

// maxLogFile bounds a --logs file read into memory; the diagnosis looks at
// the tail anyway.
const maxLogFile = 8 << 20

func readLimited(path string, stdin io.Reader) (string, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Size() > maxLogFile {
			if _, err := f.Seek(st.Size()-maxLogFile, io.SeekStart); err != nil {
				return "", err
			}
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxLogFile))
	return string(b), err
}

func hasContainer(pod *corev1.Pod, name string) bool {
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			if c.Name == name {
				return true
			}
		}
	}
	for _, list := range [][]corev1.ContainerStatus{pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses} {
		for _, c := range list {
			if c.Name == name {
				return true
			}
		}
	}
	return false
}
