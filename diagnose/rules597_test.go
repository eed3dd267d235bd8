package diagnose

import "testing"

// Rules from session 30's held-out rounds 597 on and textbook batches 191 on.
func TestRules597(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Vector's config build rejecting a sink's template, under the reporter's words about an upgrade's timeout", "With the 5m timeout cleared, Flux re-attempted the vector 0.56.0 to 0.57.0 upgrade and the real blocker surfaced: the new pods crashloop on config load with\n\nSink \"loki_kubernetes\": template references event fields ([\"kubernetes.pod_node_name\"]) ...\n", ConfigError, "template references event fields"},
		{"Meltano's structlog lines wrapping each line of an extractor's traceback", "2024-06-11T08:14:05.402113Z [info     ] Traceback (most recent call last): cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.402301Z [info     ]   File \"/project/.meltano/extractors/tap-postgres/venv/bin/tap-postgres\", line 8, in <module> cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.402871Z [info     ] AttributeError: 'NoneType' object has no attribute 'replication_key' cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.611512Z [info     ] ELT could not be completed: Extractor failed.\n", AppCrash, "replication_key"},
	})
}
