// Command kustomize renders a kustomization directory to stdout with the
// kustomize library that kubectl v1.37 embeds (sigs.k8s.io/kustomize/api
// v0.21.1), so tests see exactly what `kubectl apply -k DIR` would apply
// without a kubectl or kustomize binary. It is a separate module to keep
// kustomize out of the bot's dependencies; deploy/deploy_test.go builds it.
//
// Usage: go run . DIR
package main

import (
	"fmt"
	"os"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kustomize DIR")
		os.Exit(2)
	}
	// kubectl's defaults: files must lie inside the kustomization's
	// directory (LoadRestrictionsRootOnly), no plugins, no Helm.
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	res, err := k.Run(filesys.MakeFsOnDisk(), os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "kustomize %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	out, err := res.AsYaml()
	if err != nil {
		fmt.Fprintf(os.Stderr, "kustomize %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
