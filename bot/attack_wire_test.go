package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
)

// wireReplica builds one replica's commands and HTTP transport for an
// attack environment; ready is closed once it may be sent requests.
func wireReplica(e *attackEnv, o attackOptions, logger *slog.Logger) (*HTTPHandler, <-chan struct{}) {
	opts := CommandOptions{
		Cluster: "prod-eu-1", Access: *o.access, Kube: e.kube, Logger: logger,
		Incidents: e.incs, Silences: e.incs, Silencer: e.incs,
		Now:      func() time.Time { return cmdNow },
		Channels: e.api,
	}
	if o.groups {
		opts.Groups = groupsOf{e.api}
	}
	e.cmds = NewCommands(opts)
	h := NewHTTPHandler(e.cmds, e.api, HTTPOptions{
		SigningSecret: testSecret,
		Replay:        o.replay,
		ResponderOptions: ResponderOptions{
			AckWithin: o.ackWithin, MaxConcurrent: o.maxConcurrent, Logger: logger,
			APIURL: e.slack.URL(),
		},
	})
	e.handler = h
	return h, e.cmds.Ready()
}

// groupsOf adapts slack.Client's variadic user-group call.
type groupsOf struct{ api *slack.Client }

func (g groupsOf) GetUserGroupMembersContext(ctx context.Context, group string) ([]string, error) {
	return g.api.GetUserGroupMembersContext(ctx, group)
}
