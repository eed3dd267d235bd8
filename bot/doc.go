// Package bot is crashloop-bot's Slack side: it renders an incident as one
// Block Kit message (Render, RenderThread) and a crash storm as one message
// with a reply per workload in its thread (RenderStorm), and delivers
// notifications to Slack (Slack), each Web API method paced by its own
// learning budget, with merged updates and retries, or prints them to a
// terminal (Console) when no Slack token is configured. The Slack sink owns
// where its messages are (MessageRefs).
//
// Both sinks implement Notify(incident.Notification); Notify never blocks
// for long and never drops a notification.
package bot
