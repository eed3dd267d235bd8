package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// ReplyAPI is the part of *slack.Client that answers commands and buttons:
// thread replies and file uploads (the files v2 flow).
type ReplyAPI interface {
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
}

// DefaultAPIURL is Slack's Web API base URL.
const DefaultAPIURL = "https://slack.com/api/"

// ResponderOptions configure how commands and buttons are answered, for
// both transports. Zero values take the defaults.
type ResponderOptions struct {
	// AckWithin is how long a slash command may run before the bot acks
	// with "working on it" and answers later through response_url; Slack
	// wants an ack within 3 seconds. Default 2s.
	AckWithin time.Duration
	// MaxConcurrent bounds commands running at once; more are refused with
	// a "busy" answer. Default 4.
	MaxConcurrent int
	// MaxPerUser bounds the commands of one user running at once, so one
	// person cannot keep the others waiting. Default half of
	// MaxConcurrent, at least 1.
	MaxPerUser int
	// APIURL is the Slack Web API base URL (slack.api_url). A response_url
	// is only posted to on its host, its "hooks." host, or hooks.slack.com.
	// Default DefaultAPIURL.
	APIURL string
	// HTTPClient posts to response_url; default a client with a 10s
	// timeout that follows no redirect.
	HTTPClient *http.Client
	Logger     *slog.Logger
}

func (o *ResponderOptions) defaults() {
	if o.AckWithin <= 0 {
		o.AckWithin = 2 * time.Second
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 4
	}
	if o.MaxPerUser <= 0 {
		o.MaxPerUser = max(1, o.MaxConcurrent/2)
	}
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{
			Timeout: 10 * time.Second,
			// A redirect could lead anywhere; Slack's hooks do not redirect.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// responder runs commands and buttons in the background and delivers
// their replies: in the ack when fast enough, else through response_url;
// button answers the whole channel may see go to the alert's thread.
type responder struct {
	cmds *Commands
	api  ReplyAPI
	opts ResponderOptions
	log  *slog.Logger
	// hooks are the host names a response_url may have; plainHTTP is the
	// one that may use http (a Slack-compatible server on loopback).
	hooks     []string
	plainHTTP string

	base   context.Context // background work's context; canceled by stop
	cancel context.CancelFunc

	mu      sync.Mutex
	stopped bool
	running int            // commands and buttons being worked on
	perUser map[string]int // of those, by user ID
	wg      sync.WaitGroup
}

func newResponder(cmds *Commands, api ReplyAPI, opts ResponderOptions, component string) *responder {
	opts.defaults()
	base, cancel := context.WithCancel(context.Background())
	r := &responder{
		cmds: cmds, api: api, opts: opts,
		log:     opts.Logger.With("component", component),
		hooks:   []string{"hooks.slack.com"},
		perUser: map[string]int{},
		base:    base, cancel: cancel,
	}
	if u, err := url.Parse(opts.APIURL); err == nil && u.Hostname() != "" {
		host := strings.ToLower(u.Hostname())
		r.hooks = append(r.hooks, host, "hooks."+strings.TrimPrefix(host, "api."))
		if u.Scheme == "http" {
			r.plainHTTP = host
		}
	}
	return r
}

// run starts the commands (resolving channel names), blocks until ctx
// ends, then cancels background work and waits for it.
func (r *responder) run(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() { r.cmds.Start(ctx) })
	<-ctx.Done()
	r.stop()
	wg.Wait()
}

func (r *responder) stop() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.cancel()
	r.wg.Wait()
}

// errStopped: the responder is shutting down.
var errStopped = errors.New("shutting down")

// Why a request was refused before it ran.
var (
	errBusy     = errors.New("every command slot is taken")
	errUserBusy = errors.New("the user's command slots are taken")
)

// start runs f in the background, in one of MaxConcurrent slots and one of
// the caller's MaxPerUser, or says why it cannot. f calls release once its
// cluster work is done, so delivering the answer holds no slot; the slot
// is released when f returns at the latest.
func (r *responder) start(user string, f func(release func())) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.stopped:
		return errStopped
	case r.perUser[user] >= r.opts.MaxPerUser:
		return errUserBusy
	case r.running >= r.opts.MaxConcurrent:
		return errBusy
	}
	r.running++
	r.perUser[user]++
	var once sync.Once
	release := func() {
		once.Do(func() {
			r.mu.Lock()
			r.running--
			if r.perUser[user]--; r.perUser[user] <= 0 {
				delete(r.perUser, user)
			}
			r.mu.Unlock()
		})
	}
	r.wg.Go(func() {
		defer release()
		f(release)
	})
	return nil
}

// spawn runs f in the background, outside the command slots (deliveries,
// Socket Mode acks), unless the responder has stopped.
func (r *responder) spawn(f func()) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false
	}
	r.wg.Go(f)
	return true
}

// slashRequest is a slash command, as either transport receives it.
type slashRequest struct {
	caller      Caller
	text        string
	responseURL string
	source      string
}

// workingReply is the ack of a command that takes longer.
func workingReply() Reply {
	return textReply("Working on it…", "⏳ Working on it…")
}

// busyReply explains a refusal by start.
func (r *responder) busyReply(err error) Reply {
	msg := "⏳ I am answering several requests already; try again in a moment."
	if errors.Is(err, errUserBusy) {
		msg = fmt.Sprintf("⏳ You have %s running already; try again when %s.",
			plural(r.opts.MaxPerUser, "request"), map[bool]string{true: "it is answered", false: "they are answered"}[r.opts.MaxPerUser == 1])
	}
	rep := textReply(strings.TrimPrefix(msg, "⏳ "), msg)
	rep.Error = true
	return rep
}

// auditRefused logs a request refused before it ran: not allowed.
func (r *responder) auditRefused(c Caller, source, text string, verb Verb, err error) {
	line := auditLine{caller: c, source: source, verb: verb, outcome: outcomeBusy, err: err}
	if cmd, perr := ParseCommand(text); perr == nil && verb == "" {
		line.verb, line.target = cmd.Verb, cmd.Target.String()
		if cmd.Verb == VerbStatus {
			line.target = cmd.Namespace
		}
	}
	r.cmds.audit(line)
}

// slash runs a command and returns the reply for the ack: the answer when
// it is ready within AckWithin, else "working on it" (the answer follows
// through response_url). followUps are private messages that must follow
// the ack (a long output in parts); the transport calls followUp with them
// once it has acked.
func (r *responder) slash(req slashRequest) (ack Reply, followUps []Reply) {
	type answer struct {
		reply Reply
		parts []Reply
	}
	var (
		mu    sync.Mutex
		late  bool
		ready = make(chan answer, 1)
	)
	err := r.start(req.caller.UserID, func(release func()) {
		reply := r.cmds.Run(r.base, req.caller, req.text, req.source)
		release()
		parts := r.private(&reply)
		mu.Lock()
		if !late {
			ready <- answer{reply, parts}
			mu.Unlock()
			return
		}
		mu.Unlock()
		r.respond(r.base, req.responseURL, reply)
		r.respondAll(r.base, req.responseURL, parts)
	})
	if err != nil {
		r.auditRefused(req.caller, req.source, req.text, "", err)
		return r.busyReply(err), nil
	}
	t := time.NewTimer(r.opts.AckWithin)
	defer t.Stop()
	select {
	case a := <-ready:
		return a.reply, a.parts
	case <-t.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case a := <-ready:
		return a.reply, a.parts
	default:
		late = true
		return workingReply(), nil
	}
}

// followUp posts parts to responseURL in the background, in order.
func (r *responder) followUp(responseURL string, parts []Reply) {
	if len(parts) > 0 {
		r.spawn(func() { r.respondAll(r.base, responseURL, parts) })
	}
}

// buttonRequest is a button press.
type buttonRequest struct {
	caller      Caller
	actionID    string
	value       string
	channelID   string
	messageTS   string // the alert's ts: the thread to answer in
	responseURL string
}

// press runs a button in the background; the caller acks at once.
func (r *responder) press(req buttonRequest) {
	err := r.start(req.caller.UserID, func(release func()) {
		ctx := r.base
		reply, public := r.cmds.Press(ctx, req.caller, req.actionID, req.value)
		release()
		if !public || req.channelID == "" || req.messageTS == "" {
			parts := r.private(&reply)
			r.respond(ctx, req.responseURL, reply)
			r.respondAll(ctx, req.responseURL, parts)
			return
		}
		r.attach(ctx, &reply, req.channelID, req.messageTS)
		_, _, err := r.api.PostMessageContext(ctx, req.channelID,
			slack.MsgOptionText(reply.Text, false),
			slack.MsgOptionBlocks(withRequester(reply.Blocks, req.caller)...),
			slack.MsgOptionTS(req.messageTS))
		if err != nil {
			r.log.Warn("thread reply failed; answering privately", "channel", req.channelID, "err", err)
			r.respond(ctx, req.responseURL, reply)
		}
	})
	if err != nil && !errors.Is(err, errStopped) {
		r.auditRefused(req.caller, "button", "", Verb(clip(req.actionID, 60)), err)
		busy := r.busyReply(err)
		r.spawn(func() { r.respond(r.base, req.responseURL, busy) })
	}
}

// withRequester notes who pressed the button, on a public answer.
func withRequester(blocks []slack.Block, c Caller) []slack.Block {
	if c.UserID == "" || len(blocks) >= maxBlocks {
		return blocks
	}
	who := slack.NewContextBlock("reply_requester", md("requested by <@"+escape(c.UserID)+">"))
	return append(append([]slack.Block(nil), blocks...), who)
}

// attach uploads the reply's file, if any, to the alert's thread (a
// public answer: the channel may see it) and notes it in the reply.
func (r *responder) attach(ctx context.Context, reply *Reply, channel, thread string) {
	f := reply.File
	reply.File = nil
	if f == nil || f.Content == "" || channel == "" || thread == "" {
		return
	}
	_, err := r.api.UploadFileContext(ctx, slack.UploadFileParameters{
		Filename: f.Name, Title: f.Title, Content: f.Content, FileSize: len(f.Content),
		Channel: channel, ThreadTimestamp: thread,
	})
	if err != nil {
		r.log.Warn("file upload failed", "channel", channel, "file", f.Name, "err", err)
		reply.note("⚠️ The whole output could not be attached (" + escClip(slackErrorText(err), 100) + ").")
		return
	}
	reply.note("📎 The whole output is attached in this thread.")
}

// slackErrorText is Slack's error code of err, else a generic word.
func slackErrorText(err error) string {
	if code := slackErrorCode(err); code != "" {
		return code
	}
	return "request failed"
}

// Bounds of a private answer in parts.
const (
	// maxFollowUps: a response_url takes five posts; one stays free for an
	// answer that comes after "working on it".
	maxFollowUps = 4
	// partSections is how many code sections one follow-up carries.
	partSections = 10
	// partSectionRunes keeps a section, with its code fences, under
	// Slack's 3000.
	partSectionRunes = 2900
	// partLineRunes clips one line of the output.
	partLineRunes = 500
)

// private turns the file of a private answer into follow-up messages for
// the caller alone: a long answer is never uploaded where others could
// open it. The reply itself says how many follow. Output longer than the
// follow-ups can carry keeps its end (a log's newest lines) and says so.
func (r *responder) private(reply *Reply) []Reply {
	f := reply.File
	reply.File = nil
	if f == nil || f.Content == "" {
		return nil
	}
	var lines []string
	for l := range strings.Lines(f.Content) {
		l = strings.TrimRight(l, "\r\n")
		lines = append(lines, escClip(codeSafe(l), partLineRunes))
	}
	// Fill sections from the end, so the newest lines are kept.
	var sections []string
	dropped := 0
	for i := len(lines) - 1; i >= 0; {
		if len(sections) == maxFollowUps*partSections {
			dropped = i + 1
			break
		}
		size, j := 0, i
		for ; j >= 0 && size+runeLen(lines[j])+1 <= partSectionRunes-8; j-- {
			size += runeLen(lines[j]) + 1
		}
		if j == i { // a line longer than a section: it was clipped already
			j--
		}
		sections = append(sections, "```\n"+strings.Join(lines[j+1:i+1], "\n")+"\n```")
		i = j
	}
	for a, b := 0, len(sections)-1; a < b; a, b = a+1, b-1 {
		sections[a], sections[b] = sections[b], sections[a]
	}
	total := (len(sections) + partSections - 1) / partSections
	var parts []Reply
	for i := 0; i < len(sections); i += partSections {
		n := len(parts) + 1
		head := fmt.Sprintf("*%s* (part %d of %d)", escClip(oneLine(f.Title), 200), n, total)
		if n == 1 && dropped > 0 {
			head += fmt.Sprintf("\n_%s %s left out: the output is longer than private messages carry; narrow it (e.g. `--tail`)._", ellipsis, plural(dropped, "earlier line"))
		}
		chunk := sections[i:min(i+partSections, len(sections))]
		parts = append(parts, textReply(fmt.Sprintf("%s (part %d of %d)", f.Title, n, total), append([]string{head}, chunk...)...))
	}
	reply.note(fmt.Sprintf("📎 The whole output follows in %s, visible only to you.", plural(len(parts), "message")))
	return parts
}

// responseMessage is a message posted to a response_url.
type responseMessage struct {
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
}

// ackPayload is the JSON answer to a slash command, in an HTTP response
// or a Socket Mode ack: always private.
func ackPayload(reply Reply) responseMessage {
	return responseMessage{ResponseType: "ephemeral", Text: reply.Text, Blocks: reply.Blocks}
}

// respondAll posts replies to a response_url, one after the other.
func (r *responder) respondAll(ctx context.Context, url string, replies []Reply) {
	for _, rep := range replies {
		if !r.respond(ctx, url, rep) {
			return
		}
	}
}

// responseHost returns the host of a response_url the bot may post to,
// or why not. Only Slack's hosts qualify: the API's host (slack.api_url)
// and its "hooks." host, and hooks.slack.com, over https (http only for
// an API served over http, as a test server is).
func (r *responder) responseHost(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Opaque != "" {
		return "", errors.New("not an absolute URL")
	}
	host := strings.ToLower(u.Hostname())
	if net.ParseIP(host) != nil && host != r.plainHTTP {
		return u.Host, errors.New("an IP address, not Slack")
	}
	allowed := false
	for _, h := range r.hooks {
		allowed = allowed || host == h
	}
	switch {
	case !allowed:
		return u.Host, errors.New("not a Slack host")
	case u.Scheme == "https":
	case u.Scheme == "http" && host == r.plainHTTP:
	default:
		return u.Host, fmt.Errorf("scheme %q", u.Scheme)
	}
	return u.Host, nil
}

// respond posts reply privately (ephemeral) to a response_url and reports
// whether it was delivered. The log names only the URL's host: the URL
// itself can post into the channel for 30 minutes.
func (r *responder) respond(ctx context.Context, responseURL string, reply Reply) bool {
	if responseURL == "" {
		r.log.Warn("no response_url to answer on")
		return false
	}
	host, err := r.responseHost(responseURL)
	if err != nil {
		r.log.Warn("refused to post to a response_url that is not Slack's", "host", host, "reason", err.Error())
		return false
	}
	body, err := json.Marshal(ackPayload(reply))
	if err != nil {
		r.log.Error("encode response", "err", err)
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
	if err != nil {
		r.log.Warn("bad response_url", "host", host)
		return false
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := r.opts.HTTPClient.Do(req)
	if err != nil {
		// *url.Error carries the whole URL; log what went wrong only.
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		r.log.Warn("post to response_url failed", "host", host, "err", err)
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		r.log.Warn("response_url refused the answer", "host", host, "status", resp.StatusCode)
		return false
	}
	return true
}
