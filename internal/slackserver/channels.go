package slackserver

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
)

// Slack names channels by ID (C0123ABCD). chat.postMessage also takes a
// name ("#alerts" or "alerts") and answers with the ID; chat.update,
// chat.delete and conversations.replies take only the ID. The server does
// the same, so a client that updates by name fails here as it would in
// Slack.

var channelIDPattern = regexp.MustCompile(`^[CGD][A-Z0-9]+$`)

// isChannelID reports whether ch is a channel ID rather than a name.
func isChannelID(ch string) bool { return channelIDPattern.MatchString(ch) }

// ChannelID returns the ID the server gives the channel name (with or
// without #); an ID is returned as is.
func ChannelID(ch string) string {
	if isChannelID(ch) {
		return ch
	}
	h := fnv.New32a()
	h.Write([]byte(strings.TrimPrefix(ch, "#")))
	return fmt.Sprintf("C%08X", h.Sum32())
}
