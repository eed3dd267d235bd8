//go:build tools

// Package tools pins k8s.io/kubernetes so that kube-apiserver can be built
// from the Go module proxy for the end-to-end tests.
package tools

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
