package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Action ids of the incident buttons. They are stable: messages posted by
// older versions of the bot keep working.
const (
	ActionLogs       = "crashloop_logs"
	ActionDescribe   = "crashloop_describe"
	ActionProbe      = "crashloop_probe"
	ActionSilence1h  = "crashloop_silence_1h"
	ActionSilence24h = "crashloop_silence_24h"
	ActionUnsilence  = "crashloop_unsilence"
)

// maxButtonValue is Slack's limit on a button's value.
const maxButtonValue = 2000

// ButtonValue is what an incident button carries: the incident key and the
// pod the alert names, so a press needs no lookup to know its target.
type ButtonValue struct {
	Cluster   string `json:"c,omitempty"`
	Namespace string `json:"n"`
	Kind      string `json:"k"`
	Name      string `json:"w"`
	Container string `json:"ct,omitempty"`
	Pod       string `json:"p,omitempty"`
}

// Key is the incident key the value names.
func (v ButtonValue) Key() incident.Key {
	return incident.Key{Cluster: v.Cluster, Namespace: v.Namespace, Kind: v.Kind, Name: v.Name, Container: v.Container}
}

// EncodeButtonValue encodes the button value of an incident, within
// Slack's 2000 characters.
func EncodeButtonValue(inc incident.Incident) string {
	k := inc.Key
	v := ButtonValue{Cluster: clip(k.Cluster, 200), Namespace: k.Namespace, Kind: k.Kind, Name: k.Name, Container: k.Container,
		Pod: podName(inc.Report.Pod)}
	if v.Pod == "" && len(inc.Pods) > 0 {
		v.Pod = inc.Pods[len(inc.Pods)-1]
	}
	b, _ := json.Marshal(v)
	if len(b) > maxButtonValue { // only with names longer than Kubernetes allows
		v.Pod = ""
		b, _ = json.Marshal(v)
	}
	return string(b)
}

// kindPattern is the shape of a Kubernetes kind: an upper-case letter,
// then letters and digits.
var kindPattern = regexp.MustCompile(`^[A-Z][A-Za-z0-9]{0,62}$`)

// DecodeButtonValue parses and validates a button value. A value is data
// from a message, never trusted: every name must be a valid Kubernetes
// name before it reaches an API call, and access is checked on every press.
func DecodeButtonValue(s string) (ButtonValue, error) {
	var v ButtonValue
	if len(s) > maxButtonValue {
		return v, errors.New("button value too long")
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return v, fmt.Errorf("decode button value: %w", err)
	}
	if len(validation.IsDNS1123Label(v.Namespace)) > 0 || len(validation.IsDNS1123Subdomain(v.Name)) > 0 {
		return v, errors.New("button value names no valid workload")
	}
	if v.Pod != "" && len(validation.IsDNS1123Subdomain(v.Pod)) > 0 {
		return v, errors.New("button value names no valid pod")
	}
	if v.Container != "" && len(validation.IsDNS1123Label(v.Container)) > 0 {
		return v, errors.New("button value names no valid container")
	}
	if len(v.Cluster) > 200 || !utf8.ValidString(v.Cluster) {
		return v, errors.New("button value names no valid cluster")
	}
	known := false
	for _, k := range kinds {
		known = known || k == v.Kind
	}
	if !known && kindPattern.MatchString(v.Kind) {
		// Owners the bot does not know by name (custom controllers) are
		// still workloads; the pod is what matters for queries.
		known = v.Pod != ""
	}
	if !known {
		return v, errors.New("button value names no known kind")
	}
	return v, nil
}

// actionElements returns the incident's buttons: Logs, Describe, Probe
// check, and Silence 1h / 24h (Unsilence while silenced). A resolved
// incident has none.
func actionElements(inc incident.Incident) []slack.BlockElement {
	if inc.State == incident.Resolved || inc.Key.Namespace == "" || inc.Key.Name == "" {
		return nil
	}
	value := EncodeButtonValue(inc)
	button := func(id, text string) *slack.ButtonBlockElement {
		return slack.NewButtonBlockElement(id, value, slack.NewTextBlockObject(slack.PlainTextType, text, true, false))
	}
	els := []slack.BlockElement{
		button(ActionLogs, "📜 Logs"),
		button(ActionDescribe, "🔎 Describe"),
		button(ActionProbe, "🩺 Probe check"),
	}
	if silenced(inc) {
		els = append(els, button(ActionUnsilence, "🔔 Unsilence"))
	} else {
		els = append(els, button(ActionSilence1h, "🔕 Silence 1h"), button(ActionSilence24h, "🔕 Silence 24h"))
	}
	return els
}

// Press runs an incident button for caller. public says whether the reply
// belongs in the incident's thread (query answers the whole channel may
// see) or only to the caller (errors, refusals, silence confirmations, and
// answers the caller may see by a personal grant: the incident manager
// posts its own thread note for a silence).
func (c *Commands) Press(ctx context.Context, caller Caller, actionID, value string) (reply Reply, public bool) {
	v, err := DecodeButtonValue(value)
	if err != nil {
		c.audit(auditLine{caller: caller, source: "button", verb: Verb(clip(actionID, 60)), outcome: outcomeInvalid, text: value, err: err})
		return c.errorReply(&CommandError{Message: "That button is not one of mine, or it is damaged."}), false
	}
	if c.opts.Cluster != "" && v.Cluster != "" && v.Cluster != c.opts.Cluster && c.opts.Fleet != nil && c.opts.Fleet.Remote != nil {
		return c.remotePress(ctx, caller, actionID, value, v) // command_fleet.go: that cluster's bot answers
	}
	if c.opts.Cluster != "" && v.Cluster != "" && v.Cluster != c.opts.Cluster {
		c.audit(auditLine{caller: caller, source: "button", verb: Verb(clip(actionID, 60)), target: v.Key().String(), outcome: outcomeInvalid})
		return c.errorReply(&CommandError{Message: fmt.Sprintf("That alert is about cluster %s; this bot serves %s.", v.Cluster, c.opts.Cluster)}), false
	}
	workload := Target{Namespace: v.Namespace, Kind: v.Kind, Name: v.Name}
	var cmd Command
	switch actionID {
	case ActionLogs:
		cmd = Command{Verb: VerbLogs, Target: workload, Tail: DefaultLogTail}
	case ActionDescribe:
		cmd = Command{Verb: VerbDescribe, Target: workload}
	case ActionProbe:
		cmd = Command{Verb: VerbProbe, Target: workload}
	case ActionSilence1h, ActionSilence24h:
		d := time.Hour
		if actionID == ActionSilence24h {
			d = 24 * time.Hour
		}
		workload.Container = v.Container
		return c.Do(ctx, caller, Command{Verb: VerbSilence, Target: workload, For: d}, "button"), false
	case ActionUnsilence:
		workload.Container = v.Container
		return c.Do(ctx, caller, Command{Verb: VerbUnsilence, Target: workload}, "button"), false
	default:
		c.audit(auditLine{caller: caller, source: "button", verb: Verb(clip(actionID, 60)), target: v.Key().String(), outcome: outcomeInvalid})
		return c.errorReply(&CommandError{Message: "I don't know that button."}), false
	}
	// The pod the alert names, while it exists; else the workload's
	// crashing pod now (a Deployment replaces crashed pods). The lookup
	// happens only for a caller who may see the namespace.
	if scope, _ := c.scope(ctx, caller); v.Pod != "" && scope.Allows(v.Namespace) {
		podCmd := cmd
		podCmd.Target = Target{Namespace: v.Namespace, Kind: "Pod", Name: v.Pod}
		if _, err := c.opts.Kube.Pod(ctx, v.Namespace, v.Pod); err == nil || !apierrors.IsNotFound(err) || v.Kind == "Pod" {
			cmd = podCmd
		}
	}
	if cmd.Verb == VerbLogs && v.Container != "" {
		cmd.Target.Container = v.Container
	}
	reply = c.Do(ctx, caller, cmd, "button")
	// In the thread only what everyone in the channel may see.
	return reply, !reply.Error && c.channelScope(caller.ChannelID).Allows(v.Namespace)
}
