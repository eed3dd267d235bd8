// Package promrules tests the bot's Prometheus alerting rules
// (deploy/components/monitoring/prometheusrule.yaml; the Helm chart renders
// the same rules, which deploy/helm_test.go checks) with Prometheus's own
// query engine and template expander: each alert fires on series where it
// must, stays silent where it must not, and its annotations expand. It is a
// separate module to keep Prometheus out of the bot's dependencies; run it
// with `cd test/promrules && go test ./...` (make test does).
package promrules
