package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
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
	// HTTPClient posts to response_url; default a client with a 10s timeout.
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
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// responder runs commands and buttons in the background and delivers
// their replies: in the ack when fast enough, else through response_url;
// button answers go to the alert's thread.
type responder struct {
	cmds *Commands
	api  ReplyAPI
	opts ResponderOptions
	log  *slog.Logger
	sem  chan struct{}

	base   context.Context // background work's context; canceled by stop
	cancel context.CancelFunc

	mu      sync.Mutex
	stopped bool
	wg      sync.WaitGroup
}

func newResponder(cmds *Commands, api ReplyAPI, opts ResponderOptions, component string) *responder {
	opts.defaults()
	base, cancel := context.WithCancel(context.Background())
	return &responder{
		cmds: cmds, api: api, opts: opts,
		log:  opts.Logger.With("component", component),
		sem:  make(chan struct{}, opts.MaxConcurrent),
		base: base, cancel: cancel,
	}
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

// spawn runs f in the background unless the responder has stopped.
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

func busyReply() Reply {
	r := textReply("The bot is busy", "⏳ I am answering several requests already; try again in a moment.")
	r.Error = true
	return r
}

// slash runs a command and returns the reply for the ack: the answer when
// it is ready within AckWithin, else "working on it" (the answer follows
// through response_url). acked says the ack was given up on (Socket Mode:
// the answer did not fit an ack), so the answer goes to response_url.
func (r *responder) slash(req slashRequest) Reply {
	select {
	case r.sem <- struct{}{}:
	default:
		r.cmds.audit(auditLine{caller: req.caller, source: req.source, text: req.text, outcome: outcomeBusy})
		return busyReply()
	}
	var (
		mu    sync.Mutex
		late  bool
		ready = make(chan Reply, 1)
	)
	started := r.spawn(func() {
		defer func() { <-r.sem }()
		reply := r.cmds.Run(r.base, req.caller, req.text, req.source)
		r.attach(r.base, &reply, req.caller.ChannelID, "", req.caller, req.text)
		mu.Lock()
		if !late {
			ready <- reply
			mu.Unlock()
			return
		}
		mu.Unlock()
		r.respond(r.base, req.responseURL, reply, false)
	})
	if !started {
		<-r.sem
		return busyReply()
	}
	t := time.NewTimer(r.opts.AckWithin)
	defer t.Stop()
	select {
	case reply := <-ready:
		return reply
	case <-t.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case reply := <-ready:
		return reply
	default:
		late = true
		return workingReply()
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
	select {
	case r.sem <- struct{}{}:
	default:
		r.spawn(func() { r.respond(r.base, req.responseURL, busyReply(), false) })
		return
	}
	started := r.spawn(func() {
		defer func() { <-r.sem }()
		ctx := r.base
		reply, public := r.cmds.Press(ctx, req.caller, req.actionID, req.value)
		if !public || req.channelID == "" || req.messageTS == "" {
			r.respond(ctx, req.responseURL, reply, false)
			return
		}
		r.attach(ctx, &reply, req.channelID, req.messageTS, req.caller, "")
		_, _, err := r.api.PostMessageContext(ctx, req.channelID,
			slack.MsgOptionText(reply.Text, false),
			slack.MsgOptionBlocks(withRequester(reply.Blocks, req.caller)...),
			slack.MsgOptionTS(req.messageTS))
		if err != nil {
			r.log.Warn("thread reply failed; answering privately", "channel", req.channelID, "err", err)
			r.respond(ctx, req.responseURL, reply, false)
		}
	})
	if !started {
		<-r.sem
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

// attach uploads the reply's file, if any, to channel (and thread), and
// notes in the reply when that failed.
func (r *responder) attach(ctx context.Context, reply *Reply, channel, thread string, caller Caller, command string) {
	f := reply.File
	if f == nil {
		return
	}
	if channel == "" || f.Content == "" {
		return
	}
	comment := ""
	if thread == "" {
		comment = fmt.Sprintf("%s %s (for <@%s>)", r.cmds.opts.Name, clip(oneLine(command), 200), caller.UserID)
	}
	_, err := r.api.UploadFileContext(ctx, slack.UploadFileParameters{
		Filename: f.Name, Title: f.Title, Content: f.Content, FileSize: len(f.Content),
		Channel: channel, ThreadTimestamp: thread, InitialComment: comment,
	})
	if err != nil {
		r.log.Warn("file upload failed", "channel", channel, "file", f.Name, "err", err)
		reply.note("⚠️ The file could not be attached (" + escClip(slackErrorText(err), 100) + ").")
	}
}

// slackErrorText is Slack's error code of err, else a generic word.
func slackErrorText(err error) string {
	if code := slackErrorCode(err); code != "" {
		return code
	}
	return "request failed"
}

// responseMessage is a message posted to a response_url.
type responseMessage struct {
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
}

// ackPayload is the JSON answer to a slash command, in an HTTP response
// or a Socket Mode ack.
func ackPayload(reply Reply) responseMessage {
	return responseMessage{ResponseType: "ephemeral", Text: reply.Text, Blocks: reply.Blocks}
}

// respond posts reply to a response_url, privately (ephemeral) unless
// inChannel.
func (r *responder) respond(ctx context.Context, url string, reply Reply, inChannel bool) {
	if url == "" {
		r.log.Warn("no response_url to answer on")
		return
	}
	msg := ackPayload(reply)
	if inChannel {
		msg.ResponseType = "in_channel"
	}
	body, err := json.Marshal(msg)
	if err != nil {
		r.log.Error("encode response", "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		r.log.Warn("bad response_url", "err", err)
		return
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := r.opts.HTTPClient.Do(req)
	if err != nil {
		r.log.Warn("post to response_url failed", "err", err)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		r.log.Warn("response_url refused the answer", "status", resp.StatusCode)
	}
}
