// Package slackserver is a Slack-compatible Web API server on loopback for
// tests, benchmarks and end-to-end runs of the bot: real HTTP, no mocks.
//
// It serves the methods the bot uses (auth.test, chat.postMessage,
// chat.update, chat.postEphemeral, chat.delete, conversations.history and
// conversations.replies (oldest/latest windows, cursor pages, message
// metadata with include_all_metadata), conversations.list,
// usergroups.users.list, chat.getPermalink and the files v2 upload flow),
// checks the bot token, enforces Slack's Block Kit limits (answering
// invalid_blocks like Slack does), can withhold OAuth scopes (answering
// missing_scope), rate-limits each method as Slack does (chat.postMessage
// per channel, chat.update and the conversations reads across the
// workspace; SlackLimits) with HTTP 429 and Retry-After, and records every
// call so tests can assert on what Slack received.
//
// Faults: an outage (every call answers 503, SetOutage), the next calls
// failing (FailNext, FailNextError), and the ambiguous ones that make
// clients post twice: a post stored and then answered with a 5xx, its
// connection dropped, or its answer delayed past the client's timeout
// (FailAfterStore). DropMetadata plays a server that keeps no metadata.
//
// Point a slack-go client at it with
//
//	srv := slackserver.New(slackserver.Options{Token: "xoxb-test"})
//	defer srv.Close()
//	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL()))
package slackserver
