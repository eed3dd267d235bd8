// Command helmtemplate renders a Helm chart to stdout as `helm template`
// does, with the Helm library (helm.sh/helm/v3), so tests see exactly what
// `helm install` would apply without a helm binary. With --lint it runs
// `helm lint --strict` instead. It is a separate module to keep Helm out of
// the bot's dependencies; deploy/helm_test.go builds and runs it.
//
// Usage:
//
//	helmtemplate [--name RELEASE] [--namespace NS] [--kube-version V] [-f values.yaml]... [--set k=v]... CHART
//	helmtemplate --lint [-f values.yaml]... CHART
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	"helm.sh/helm/v3/pkg/releaseutil"
	"helm.sh/helm/v3/pkg/strvals"
)

type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "helmtemplate: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("helmtemplate", flag.ContinueOnError)
	name := fs.String("name", "crashloop-bot", "release name")
	namespace := fs.String("namespace", "default", "release namespace")
	kubeVersion := fs.String("kube-version", "v1.37.2", "Kubernetes version for .Capabilities and the chart's kubeVersion")
	doLint := fs.Bool("lint", false, "run helm lint --strict instead of rendering")
	var files, sets repeated
	fs.Var(&files, "f", "values file (repeatable; later ones win)")
	fs.Var(&sets, "set", "value as key=value (repeatable; wins over files)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one chart directory, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)

	vals := map[string]any{}
	for _, f := range files {
		v, err := chartutil.ReadValuesFile(f)
		if err != nil {
			return fmt.Errorf("values %s: %w", f, err)
		}
		vals = merge(vals, v)
	}
	for _, s := range sets {
		if err := strvals.ParseInto(s, vals); err != nil {
			return fmt.Errorf("--set %s: %w", s, err)
		}
	}
	kv, err := chartutil.ParseKubeVersion(*kubeVersion)
	if err != nil {
		return err
	}

	if *doLint {
		l := lint.AllWithKubeVersion(dir, vals, *namespace, kv)
		failed := false
		for _, m := range l.Messages {
			// --strict: warnings fail too.
			if m.Severity >= support.WarningSev {
				failed = true
			}
			fmt.Fprintln(out, m.Error())
		}
		if failed {
			return fmt.Errorf("lint found problems")
		}
		return nil
	}

	chrt, err := loader.Load(dir)
	if err != nil {
		return err
	}
	if c := chrt.Metadata.KubeVersion; c != "" && !chartutil.IsCompatibleRange(c, kv.String()) {
		return fmt.Errorf("chart requires kubeVersion %s, not %s", c, kv)
	}
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	opts := chartutil.ReleaseOptions{Name: *name, Namespace: *namespace, Revision: 1, IsInstall: true}
	// Validates the values against values.schema.json, as helm install does.
	rv, err := chartutil.ToRenderValues(chrt, vals, opts, caps)
	if err != nil {
		return err
	}
	files2, err := engine.Render(chrt, rv)
	if err != nil {
		return err
	}
	for k := range files2 {
		if strings.HasSuffix(k, "NOTES.txt") {
			delete(files2, k)
		}
	}
	hooks, manifests, err := releaseutil.SortManifests(files2, caps.APIVersions, releaseutil.InstallOrder)
	if err != nil {
		return err
	}
	if len(hooks) > 0 {
		return fmt.Errorf("the chart has %d hooks; this renderer does not run them", len(hooks))
	}
	for _, m := range manifests {
		fmt.Fprintf(out, "---\n# Source: %s\n%s\n", path.Clean(m.Name), m.Content)
	}
	return nil
}

// merge returns dst with src deep-merged over it, as helm merges -f files.
func merge(dst, src map[string]any) map[string]any {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				dst[k] = merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
	return dst
}
