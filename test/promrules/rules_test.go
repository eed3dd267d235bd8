package promrules

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/promql/promqltest"
	"github.com/prometheus/prometheus/template"
	"gopkg.in/yaml.v3"
)

// rule is one alerting rule of the PrometheusRule.
type rule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

// loadRules reads the PrometheusRule shipped in deploy/.
func loadRules(t *testing.T) map[string]rule {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "components", "monitoring", "prometheusrule.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var pr struct {
		Kind string `yaml:"kind"`
		Spec struct {
			Groups []struct {
				Name  string `yaml:"name"`
				Rules []rule `yaml:"rules"`
			} `yaml:"groups"`
		} `yaml:"spec"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&pr); err != nil {
		t.Fatal(err)
	}
	out := map[string]rule{}
	for _, g := range pr.Spec.Groups {
		for _, r := range g.Rules {
			out[r.Alert] = r
		}
	}
	return out
}

// A case is a scrape history and whether the alert is firing at the end
// of it. Series use promqltest's notation, one sample a minute: "1x5 0x20"
// is 1 six times then 0 twenty-one times, "0+5x30" counts up by 5.
type ruleCase struct {
	name   string
	series []string
	at     time.Duration
	fires  bool
}

// firing evaluates r as the rule manager does, every minute: the alert
// fires at `at` when its expression returned samples at every evaluation
// through the rule's `for` duration. It returns the samples at `at`.
func firing(t *testing.T, r rule, series []string, at time.Duration) (promql.Vector, bool) {
	t.Helper()
	st := promqltest.LoadedStorage(t, "load 1m\n  "+strings.Join(series, "\n  ")+"\n")
	eng := promqltest.NewTestEngine(t, false, 0, promqltest.DefaultMaxSamplesPerQuery)
	hold := time.Duration(0)
	if r.For != "" {
		d, err := model.ParseDuration(r.For)
		if err != nil {
			t.Fatalf("%s: for %q: %v", r.Alert, r.For, err)
		}
		hold = time.Duration(d)
	}
	var last promql.Vector
	for ts := at - hold; ts <= at; ts += time.Minute {
		q, err := eng.NewInstantQuery(context.Background(), st, nil, r.Expr, time.Unix(0, 0).UTC().Add(ts))
		if err != nil {
			t.Fatalf("%s: %v", r.Alert, err)
		}
		res := q.Exec(context.Background())
		if res.Err != nil {
			t.Fatalf("%s at %s: %v", r.Alert, ts, res.Err)
		}
		v, err := res.Vector()
		if err != nil {
			t.Fatalf("%s: %v", r.Alert, err)
		}
		q.Close()
		if len(v) == 0 {
			return nil, false
		}
		last = v
	}
	return last, true
}

const job = `job="crashloop-bot"`

func TestAlerts(t *testing.T) {
	rules := loadRules(t)
	cases := map[string][]ruleCase{
		"CrashloopBotDown": {
			{"every replica down", []string{`up{` + job + `,pod="a"} 1x2 0x20`, `up{` + job + `,pod="b"} 1x2 0x20`}, 15 * time.Minute, true},
			{"never scraped (no ServiceMonitor target)", []string{`process_start_time_seconds{job="other"} 1x20`}, 15 * time.Minute, true},
			{"one of two replicas up", []string{`up{` + job + `,pod="a"} 0x20`, `up{` + job + `,pod="b"} 1x20`}, 15 * time.Minute, false},
			{"down for 3 minutes only", []string{`up{` + job + `,pod="a"} 1x10 0x3`}, 13 * time.Minute, false},
			{"another job down", []string{`up{job="other"} 0x20`, `up{` + job + `,pod="a"} 1x20`}, 15 * time.Minute, false},
		},
		"CrashloopBotNoLeader": {
			{"nobody leads", []string{`crashloop_bot_leader{` + job + `,pod="a"} 0x20`, `crashloop_bot_leader{` + job + `,pod="b"} 0x20`}, 10 * time.Minute, true},
			{"one leads", []string{`crashloop_bot_leader{` + job + `,pod="a"} 1x20`, `crashloop_bot_leader{` + job + `,pod="b"} 0x20`}, 10 * time.Minute, false},
			{"failover within a minute", []string{`crashloop_bot_leader{` + job + `,pod="a"} 1x5 0x15`, `crashloop_bot_leader{` + job + `,pod="b"} 0x6 1x14`}, 15 * time.Minute, false},
		},
		"CrashloopBotSlackPostsFailing": {
			{"a message failed", []string{`crashloop_bot_alerts_failed_total{` + job + `,pod="a"} 0x10 1x10`}, 15 * time.Minute, true},
			{"old failures only", []string{`crashloop_bot_alerts_failed_total{` + job + `,pod="a"} 5x40`}, 30 * time.Minute, false},
			{"restart resets the counter", []string{`crashloop_bot_alerts_failed_total{` + job + `,pod="a"} 3x10 0x10`}, 15 * time.Minute, false},
		},
		"CrashloopBotQueueGrowing": {
			{"Slack outbox keeps growing", []string{`crashloop_bot_slack_queue_depth{` + job + `,pod="a"} 0+5x40`, `crashloop_bot_pipeline_queue_depth{` + job + `,pod="a"} 0x40`}, 35 * time.Minute, true},
			{"diagnosis queue keeps growing", []string{`crashloop_bot_slack_queue_depth{` + job + `,pod="a"} 0x40`, `crashloop_bot_pipeline_queue_depth{` + job + `,pod="a"} 0+2x40`}, 35 * time.Minute, true},
			{"long but steady (paced storm)", []string{`crashloop_bot_slack_queue_depth{` + job + `,pod="a"} 50x40`}, 35 * time.Minute, false},
			{"growing but short", []string{`crashloop_bot_slack_queue_depth{` + job + `,pod="a"} 0+0.2x40`}, 35 * time.Minute, false},
			{"draining", []string{`crashloop_bot_slack_queue_depth{` + job + `,pod="a"} 200-5x40`}, 35 * time.Minute, false},
		},
		"CrashloopBotWatchNotSynced": {
			{"leader never synced", []string{`crashloop_bot_leader{` + job + `,pod="a"} 1x20`, `crashloop_bot_watch_synced{` + job + `,pod="a"} 0x20`}, 15 * time.Minute, true},
			{"standby is not synced, by design", []string{`crashloop_bot_leader{` + job + `,pod="b"} 0x20`, `crashloop_bot_watch_synced{` + job + `,pod="b"} 0x20`}, 15 * time.Minute, false},
			{"slow start, then synced", []string{`crashloop_bot_leader{` + job + `,pod="a"} 1x20`, `crashloop_bot_watch_synced{` + job + `,pod="a"} 0x3 1x17`}, 15 * time.Minute, false},
			{"synced leader beside an idle standby", []string{
				`crashloop_bot_leader{` + job + `,pod="a"} 1x20`, `crashloop_bot_watch_synced{` + job + `,pod="a"} 1x20`,
				`crashloop_bot_leader{` + job + `,pod="b"} 0x20`, `crashloop_bot_watch_synced{` + job + `,pod="b"} 0x20`,
			}, 15 * time.Minute, false},
		},
	}
	if got, want := slices.Sorted(keys(rules)), slices.Sorted(keys(cases)); !slices.Equal(got, want) {
		t.Fatalf("alerts %v, cases for %v: every alert needs cases", got, want)
	}
	for name, cs := range cases {
		r := rules[name]
		t.Run(name, func(t *testing.T) {
			var fired, silent bool
			for _, c := range cs {
				samples, got := firing(t, r, c.series, c.at)
				if got != c.fires {
					t.Errorf("%s: firing = %v, want %v", c.name, got, c.fires)
				}
				fired, silent = fired || c.fires, silent || !c.fires
				if got {
					checkAnnotations(t, r, samples[0])
				}
			}
			if !fired || !silent {
				t.Errorf("cases must show the alert both firing and silent")
			}
		})
	}
}

// checkAnnotations expands the alert's annotations as Prometheus does for
// a firing sample: they must parse, execute, and not print "<no value>".
func checkAnnotations(t *testing.T, r rule, s promql.Sample) {
	t.Helper()
	if r.Labels["severity"] != "critical" && r.Labels["severity"] != "warning" {
		t.Errorf("%s: severity %q, want critical or warning", r.Alert, r.Labels["severity"])
	}
	if r.Annotations["summary"] == "" || r.Annotations["description"] == "" {
		t.Errorf("%s: summary and description are required", r.Alert)
	}
	lbls := s.Metric.Map()
	if _, ok := lbls["pod"]; !ok {
		lbls["pod"] = "crashloop-bot-7d9f8-x2x1" // absent() and sum() keep no pod label
	}
	data := template.AlertTemplateData(lbls, nil, "", s)
	defs := "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"
	for k, text := range r.Annotations {
		exp := template.NewTemplateExpander(context.Background(), defs+text, r.Alert+"."+k, data, model.Time(0), nil, nil, nil)
		out, err := exp.Expand()
		if err != nil {
			t.Errorf("%s annotation %s: %v", r.Alert, k, err)
			continue
		}
		if strings.Contains(out, "<no value>") || strings.Contains(out, "{{") {
			t.Errorf("%s annotation %s expands to %q", r.Alert, k, out)
		}
		t.Logf("%s %s: %s", r.Alert, k, out)
	}
}

func keys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
