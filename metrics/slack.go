package metrics

import "github.com/prometheus/client_golang/prometheus"

// slackCollector turns one SlackStats snapshot per scrape into metrics, so
// the values of one scrape are consistent with each other.
type slackCollector struct {
	stats func() SlackStats
	descs []slackMetric
}

type slackMetric struct {
	desc  *prometheus.Desc
	kind  prometheus.ValueType
	value func(SlackStats) float64
}

func newSlackCollector(stats func() SlackStats) *slackCollector {
	m := func(name, help string, kind prometheus.ValueType, value func(SlackStats) float64) slackMetric {
		return slackMetric{prometheus.NewDesc(prometheus.BuildFQName(namespace, "", name), help, nil, nil), kind, value}
	}
	counter, gauge := prometheus.CounterValue, prometheus.GaugeValue
	return &slackCollector{stats: stats, descs: []slackMetric{
		m("alerts_posted_total", "Incident messages posted to Slack (chat.postMessage).", counter,
			func(s SlackStats) float64 { return float64(s.Posted) }),
		m("alerts_updated_total", "Incident messages updated in place (chat.update).", counter,
			func(s SlackStats) float64 { return float64(s.Updated) }),
		m("alerts_failed_total", "Slack messages given up on after a permanent error.", counter,
			func(s SlackStats) float64 { return float64(s.Failed) }),
		m("alert_thread_replies_total", "Replies posted in incident threads.", counter,
			func(s SlackStats) float64 { return float64(s.Replies) }),
		m("slack_rate_limited_total", "HTTP 429 answers from Slack.", counter,
			func(s SlackStats) float64 { return float64(s.RateLimited) }),
		m("slack_retries_total", "Slack calls retried after a 5xx or network error.", counter,
			func(s SlackStats) float64 { return float64(s.Retries) }),
		m("slack_fallbacks_total", "Messages sent as plain text after Slack rejected their blocks.", counter,
			func(s SlackStats) float64 { return float64(s.Fallbacks) }),
		m("slack_message_lookups_total", "Channel history reads to find a message whose post may already have happened.", counter,
			func(s SlackStats) float64 { return float64(s.Lookups) }),
		m("slack_messages_adopted_total", "Messages found in Slack and adopted instead of being posted again.", counter,
			func(s SlackStats) float64 { return float64(s.Adopted) }),
		m("slack_messages_deleted_total", "Incident messages found deleted by a person; they are not posted again.", counter,
			func(s SlackStats) float64 { return float64(s.Deleted) }),
		m("slack_queue_depth", "Slack messages and replies waiting in the outbox.", gauge,
			func(s SlackStats) float64 { return float64(s.QueueDepth) }),
		m("slack_in_flight", "Slack messages being delivered now (at most one per channel).", gauge,
			func(s SlackStats) float64 { return float64(s.InFlight) }),
	}}
}

// Describe implements prometheus.Collector.
func (c *slackCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d.desc
	}
}

// Collect implements prometheus.Collector.
func (c *slackCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.stats()
	for _, d := range c.descs {
		ch <- prometheus.MustNewConstMetric(d.desc, d.kind, d.value(s))
	}
}
