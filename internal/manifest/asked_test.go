package manifest

import "testing"

// askedForm reads which workload the asker's opening words ask about:
// only words that ask, or set the others aside, say it; naming a
// workload is not asking about it.
func TestAskedForm(t *testing.T) {
	for _, c := range []struct {
		intro string
		names []string
		want  string
	}{
		{"`notification-svc` doesn't start. There's also a search pod that's been OOMing for days — that's a known issue with its heap settings, not related.",
			[]string{"notification-svc-6c5d7b9f8-7wq2n", "search-0"}, "notification-svc"},
		{"Question is about payments-api. ledger-worker OOMs sometimes.",
			[]string{"ledger-worker-6b9d7c8f5-f4h8j", "payments-api-7f5c9d8b6-2mkzp", "payments-api-7f5c9d8b6-9ttqv"}, "payments-api"},
		{"Installed the strimzi operator. Our kafka-ui is also crashlooping but that's because the Kafka cluster doesn't exist yet.",
			[]string{"kafka-ui-6d8c9b7f5-wl2rk", "strimzi-cluster-operator-5c9d8b7f6-j4qtx"}, "strimzi-cluster-operator-5c9d8b7f6-j4qtx"},
		{"After installing kube-prometheus-stack, the `prometheus-node-exporter` pod crashloops. The `kube-state-metrics` crash is a known problem, skip it.",
			[]string{"kps-kube-state-metrics-6b7c8d9f5-qw2xk", "kps-prometheus-node-exporter-b2z9k"}, "prometheus-node-exporter"},
		{"ingress-nginx-controller is stuck. ignore the redis one, it's crashing because of its own AOF issue.",
			[]string{"redis-master-0", "ingress-nginx-controller-5d9f8c7b6-hq2vk"}, "ingress-nginx-controller"},
		// Named, not asked about: the app's log names its database.
		{"Flyway initContainer Init:Error: \"Connection to inventory-pg:5432 refused\"",
			[]string{"inventory-api-6b5c4d8e7f-vt9fx", "inventory-pg-0"}, ""},
		{"The app restarts after every update of the node MySQL runs on.",
			[]string{"conges-api-7c9d8b6f5-vw2qn", "mysql-0"}, ""},
		// Two named, neither set aside nor asked about.
		{"`catalog-api` and `catalog-seed` are both crashlooping.",
			[]string{"catalog-api-77b8c9d6f5-9pq2x", "catalog-seed-5f6d7c8b9-2wq4x"}, ""},
	} {
		if got := askedForm(c.intro, c.names); got != c.want {
			t.Errorf("%q: got %q, want %q", c.intro, got, c.want)
		}
	}
}
