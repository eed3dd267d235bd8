// Package bot is crashloop-bot's Slack side: it renders an incident as one
// Block Kit message (Render, RenderThread) and delivers notifications to
// Slack (Slack) with per-channel pacing, coalescing and retries, or prints
// them to a terminal (Console) when no Slack token is configured.
//
// Both sinks implement Notify(incident.Notification); Notify never blocks
// for long and never drops a notification.
package bot
