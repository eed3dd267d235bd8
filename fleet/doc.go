// Package fleet makes the bots of many clusters, sharing one PostgreSQL
// store, work as one: a command Slack sends to any of them reaches the bot
// of the cluster it is about (Router), each cluster's leading bot says it
// is alive (Heartbeat), and a crash loop of the same cause in several
// clusters becomes one message naming every cluster (Coordinator). The
// bots coordinate only through the database: rows, row locks, advisory
// locks and LISTEN/NOTIFY (Hub); none talks to another directly.
//
// It knows nothing of Slack or Kubernetes: requests and replies are JSON
// it carries, and fleet messages are handed to a Sink.
package fleet
