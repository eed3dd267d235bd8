package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/slack-go/slack"
)

// In a fleet (one bot per cluster, one shared store, one Slack app),
// whichever bot Slack reaches answers every command: status from the
// store, for every cluster; logs, describe, probe, silences and buttons of
// another cluster by asking that cluster's bot, which runs them as its
// own, access checks included (see Remote).

// Remote asks the bot of another cluster of the fleet to run a command or
// a button press and waits for its answer (fleet.Router implements it,
// through the shared store).
type Remote interface {
	Ask(ctx context.Context, cluster string, req RemoteRequest) (RemoteReply, error)
}

// ErrNoSuchCluster is what a Remote answers for a cluster the fleet does
// not know.
var ErrNoSuchCluster = errors.New("no such cluster in the fleet")

// RemoteRequest is a command or a button press for another cluster's bot.
type RemoteRequest struct {
	// From is the cluster of the bot Slack asked, for the audit log.
	From   string `json:"from"`
	Caller Caller `json:"caller"`
	// Command is set for a command; Action and Value for a button press.
	Command *Command `json:"command,omitempty"`
	Action  string   `json:"action,omitempty"`
	Value   string   `json:"value,omitempty"`
}

// RemoteReply is the answer of another cluster's bot: the reply, and, for
// a button press, whether it belongs in the alert's thread.
type RemoteReply struct {
	Reply  Reply
	Public bool
}

// wireReply is RemoteReply as JSON.
type wireReply struct {
	Text   string       `json:"text"`
	Blocks slack.Blocks `json:"blocks"`
	File   *ReplyFile   `json:"file,omitempty"`
	Error  bool         `json:"error,omitempty"`
	Public bool         `json:"public,omitempty"`
}

// MarshalJSON encodes the reply with its blocks.
func (r RemoteReply) MarshalJSON() ([]byte, error) {
	return json.Marshal(wireReply{Text: r.Reply.Text, Blocks: slack.Blocks{BlockSet: r.Reply.Blocks}, File: r.Reply.File, Error: r.Reply.Error, Public: r.Public})
}

// UnmarshalJSON decodes a reply encoded by MarshalJSON.
func (r *RemoteReply) UnmarshalJSON(b []byte) error {
	var w wireReply
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = RemoteReply{Reply: Reply{Text: w.Text, Blocks: w.Blocks.BlockSet, File: w.File, Error: w.Error}, Public: w.Public}
	return nil
}

// FleetOptions make the commands fleet-wide.
type FleetOptions struct {
	// Incidents lists the active incidents of every cluster of the fleet,
	// for status.
	Incidents IncidentLister
	// Remote runs commands and buttons of other clusters.
	Remote Remote
}

// fleetHelp says how to reach the fleet's other clusters.
const fleetHelp = "*Fleet:* `status` lists every cluster; `status CLUSTER/NAMESPACE` (or `CLUSTER/`) one of them. " +
	"Add `--cluster CLUSTER` to `describe`, `logs`, `probe`, `silence` and `unsilence` for another cluster: its bot answers."

// otherCluster tells whether cmd names a cluster other than this bot's.
func (c *Commands) otherCluster(cluster string) bool {
	return cluster != "" && cluster != c.opts.Cluster
}

// notHere refuses a command for another cluster in a bot outside a fleet.
func (c *Commands) notHere(cluster string) error {
	return &CommandError{Message: fmt.Sprintf("This bot serves cluster %s only; %s is not part of a fleet it knows (store.backend postgres makes one).",
		clip(c.opts.Cluster, maxClusterName), clip(cluster, maxClusterName))}
}

// remote runs cmd in another cluster of the fleet. Access was checked
// here; the other bot checks it again against its own configuration.
func (c *Commands) remote(ctx context.Context, caller Caller, cmd Command) (Reply, error) {
	if c.opts.Fleet == nil || c.opts.Fleet.Remote == nil {
		return Reply{}, c.notHere(cmd.Cluster)
	}
	r, err := c.opts.Fleet.Remote.Ask(ctx, cmd.Cluster, RemoteRequest{From: c.opts.Cluster, Caller: caller, Command: &cmd})
	if err != nil {
		return Reply{}, c.remoteError(cmd.Cluster, err)
	}
	return r.Reply, nil
}

// remoteError explains why another cluster's bot did not answer.
func (c *Commands) remoteError(cluster string, err error) error {
	switch {
	case errors.Is(err, ErrNoSuchCluster):
		return &CommandError{Message: fmt.Sprintf("The fleet has no cluster %s.", clip(cluster, maxClusterName))}
	case errors.Is(err, context.DeadlineExceeded):
		return &CommandError{Message: fmt.Sprintf("The bot of cluster %s did not answer in time; it may be down or cut off from the database. Try again in a moment.",
			clip(cluster, maxClusterName))}
	}
	return fmt.Errorf("ask cluster %s: %w", cluster, err)
}

// remotePress runs a button of another cluster's alert in that cluster.
func (c *Commands) remotePress(ctx context.Context, caller Caller, actionID, value string, v ButtonValue) (Reply, bool) {
	line := auditLine{caller: caller, source: "button", verb: Verb(clip(actionID, 60)), target: v.Cluster + ":" + v.Key().String(), allowed: true, outcome: outcomeOK}
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	r, err := c.opts.Fleet.Remote.Ask(ctx, v.Cluster, RemoteRequest{From: c.opts.Cluster, Caller: caller, Action: actionID, Value: value})
	if err != nil {
		err = c.remoteError(v.Cluster, err)
		line.outcome, line.err = outcomeFailed, err
		c.audit(line)
		return c.errorReply(err), false
	}
	c.audit(line)
	return r.Reply, r.Public
}

// Serve runs a request another bot of the fleet received for this
// cluster, as if Slack had sent it here: parsed again, access checked
// against this bot's configuration, audited.
func (c *Commands) Serve(ctx context.Context, req RemoteRequest) RemoteReply {
	source := "fleet:" + clip(req.From, maxClusterName)
	switch {
	case req.Command != nil:
		cmd := *req.Command
		if c.otherCluster(cmd.Cluster) {
			return RemoteReply{Reply: c.errorReply(c.notHere(cmd.Cluster))}
		}
		cmd.Cluster = ""
		if err := validCommand(cmd); err != nil {
			c.audit(auditLine{caller: req.Caller, source: source, verb: Verb(clip(string(cmd.Verb), 60)), outcome: outcomeInvalid, err: err})
			return RemoteReply{Reply: c.errorReply(err)}
		}
		return RemoteReply{Reply: c.Do(ctx, req.Caller, cmd, source)}
	case req.Action != "":
		r, public := c.Press(ctx, req.Caller, req.Action, req.Value)
		return RemoteReply{Reply: r, Public: public}
	}
	return RemoteReply{Reply: c.errorReply(&CommandError{Message: "That request is empty."})}
}

// validCommand checks a command that did not come from ParseCommand (a
// request of another bot, over the store) the way ParseCommand would:
// names a query could be built from must be valid Kubernetes names.
func validCommand(cmd Command) error {
	if _, ok := usages[cmd.Verb]; !ok {
		return &CommandError{Message: "I don't know that subcommand."}
	}
	t := cmd.Target
	switch cmd.Verb {
	case VerbDescribe, VerbLogs, VerbProbe, VerbSilence, VerbUnsilence:
		text := t.Namespace + "/"
		if t.Kind != "Pod" {
			text += t.Kind + "/"
		}
		text += t.Name
		if t.Container != "" && cmd.Verb != VerbLogs {
			text += "/" + t.Container
		}
		got, err := parseTarget(cmd.Verb, text, cmd.Verb == VerbSilence || cmd.Verb == VerbUnsilence)
		if err != nil {
			return err
		}
		if cmd.Verb == VerbLogs && t.Container != "" {
			if err := checkLabel(cmd.Verb, "container", t.Container); err != nil {
				return err
			}
			got.Container = t.Container
		}
		if got != t {
			return &CommandError{Message: "That request names no valid target."}
		}
	case VerbStatus:
		if cmd.Namespace != "" {
			return checkNamespace(cmd.Verb, cmd.Namespace)
		}
	}
	if cmd.Verb == VerbSilence && cmd.For < MinSilence {
		return &CommandError{Message: "That silence is too short."}
	}
	if cmd.Tail < 0 || cmd.Tail > MaxLogTail || cmd.For < 0 || cmd.For > MaxSilence {
		return &CommandError{Message: "That request is out of bounds."}
	}
	return nil
}
