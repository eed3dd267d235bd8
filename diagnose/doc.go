// Package diagnose is crashloop-bot's triage engine: it turns a failing pod
// (spec and status), its events, the log tail of the crashed container
// instance and the owning workload into a Report that names the failing
// container, one most likely cause as a stable Category, the evidence behind
// it and the exact next steps.
//
// The package is pure: it does no I/O, reads no clock (the caller passes
// Input.Now), calls no Kubernetes API and logs nothing. Everything it returns
// has been passed through Redact, so reports can be posted to chat as they
// are.
package diagnose
