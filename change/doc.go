// Package change answers "what changed?" for a crash-looping workload
// without doing any I/O: Diff lists what differs between two pod templates
// (images, command and args, env, resources, probes, volumes and the
// ConfigMaps and Secrets they name, security context, scheduling, service
// account, containers added or removed), Summarize puts that on one line,
// and Describe joins a Rollout (the revision a crashing pod runs, the one
// before it, and recently modified ConfigMaps) to the time the crash loop
// began. The kube package gathers the Rollout from the cluster.
//
// Nothing here ever holds a Secret's value: env values that come from a
// Secret are named by Secret and key only, and literal values whose name
// looks secret (PASSWORD, TOKEN, SECRET, KEY, ...) or that diagnose.Redact
// recognises are hidden.
package change
