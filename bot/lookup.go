package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/store"
)

// Every message the sink posts is marked with what it is about, so that a
// message whose ts was never learned (its answer was lost, or the process
// died before saving it) is found again instead of being posted twice:
//
//   - message metadata (hidden from people): the event type, the subject
//     (incident or storm ID), the cluster and workload key, and whether it
//     is open or resolved; thread replies carry their own reply ID;
//   - a visible fallback for Slack-compatible servers that drop metadata:
//     the context line shows "incident `ID`" (or "storm `ID`"), and the
//     plain-text form of a message ends with the same.
//
// The channel's history (conversations.history, include_all_metadata,
// bounded by the subject's age, paginated) is searched before a post when
// a post of the subject may already exist: after an ambiguous failure, and
// for every subject without a saved reference at start-up or on becoming
// leader.
const (
	incidentEventType = "crashloop_bot_incident"
	stormEventType    = "crashloop_bot_storm"
	replyEventType    = "crashloop_bot_reply"
)

const (
	// clockSkew widens a history search: Slack's clock (the ts) and the
	// clock that stamped an incident's opening (this process's, or the
	// previous leader's) may disagree.
	clockSkew = 2 * time.Minute
	// unknownAgeLookback bounds the search for a subject of unknown age.
	unknownAgeLookback = time.Hour
	// historyPage is how many messages one conversations.history call
	// returns; maxHistoryPages bounds one search (Tier 3: 50 calls a
	// minute across the workspace).
	historyPage     = 200
	maxHistoryPages = 10
)

// errNoSearch says the channel's history cannot be read (a missing scope,
// the bot not in the channel, a channel name that does not resolve): the
// sink posts without looking, as it did before messages were marked.
var errNoSearch = errors.New("cannot search the channel's history")

// metadata is the mark of a message about it.
func (it *item) metadata(resolved bool) slack.SlackMetadata {
	typ := incidentEventType
	if it.storm {
		typ = stormEventType
	}
	state := "open"
	if resolved {
		state = "resolved"
	}
	p := map[string]any{"subject": it.id, "state": state}
	if it.cluster != "" {
		p["cluster"] = it.cluster
	}
	if it.key != "" {
		p["key"] = it.key
	}
	return slack.SlackMetadata{EventType: typ, EventPayload: p}
}

// replyMetadata is the mark of a thread reply of it.
func (it *item) replyMetadata(replyID string) slack.SlackMetadata {
	p := map[string]any{"subject": it.id, "reply": replyID}
	if it.cluster != "" {
		p["cluster"] = it.cluster
	}
	return slack.SlackMetadata{EventType: replyEventType, EventPayload: p}
}

// visibleMark is the text a message about subject shows (in its context
// line, and at the end of its plain-text form) for servers that drop
// metadata.
func visibleMark(subject string, storm bool) string {
	if storm {
		return "storm " + codeSpan(subject, 200)
	}
	return "incident " + codeSpan(subject, 100)
}

// markPattern finds the visible marks in a message's text and blocks.
var markPattern = regexp.MustCompile("(?:incident|storm) `([^`]+)`")

// historyScan is what one search of a channel's history found: the ts of
// the oldest message about each subject of this cluster.
type historyScan struct {
	// started is when the search began: it saw every message posted
	// before. oldest is the earliest time it covers.
	started, oldest time.Time
	found           map[string]string // subject -> ts
	// duplicates counts subjects with more than one message.
	duplicates map[string]int
}

// covers reports whether the scan can answer for a subject whose message,
// if any, was posted before unsure and not before since.
func (sc *historyScan) covers(unsure, since time.Time) bool {
	return sc != nil && !sc.started.Before(unsure) && !sc.oldest.After(since)
}

// since is the earliest time a message about it may carry.
func (it *item) since() time.Time {
	if it.openedAt.IsZero() {
		return it.unsure.Add(-unknownAgeLookback)
	}
	return it.openedAt.Add(-clockSkew)
}

// searchHistory looks for the message about it in the channel's history.
// It reuses the channel's last search when that began after it.unsure and
// reaches back far enough; otherwise it reads the history back to the
// oldest subject waiting in the channel, so that one read serves every
// message waiting after a restart. Caller is q's post lane.
func (s *Slack) searchHistory(ctx context.Context, q *channelQueue, it *item) (ts, channelID string, err error) {
	s.mu.Lock()
	unsure, since, routed := it.unsure, it.since(), it.channel
	s.mu.Unlock()
	channelID, err = s.resolveChannel(ctx, routed)
	if err != nil {
		return "", "", err
	}
	if !q.scan.covers(unsure, since) {
		oldest := since
		s.mu.Lock()
		for _, other := range q.posts {
			if other.ts == "" && other.openedAt.Before(s.started.Add(clockSkew)) {
				if t := other.since(); t.Before(oldest) {
					oldest = t
				}
			}
		}
		s.mu.Unlock()
		sc, err := s.scanHistory(ctx, channelID, oldest, it.cluster)
		if err != nil {
			return "", "", err
		}
		q.scan = sc
	}
	if n := q.scan.duplicates[it.id]; n > 1 {
		s.log.Warn("several messages about one subject in the channel's history; adopting the oldest",
			"subject", it.id, "channel", routed, "messages", n)
	}
	return q.scan.found[it.id], channelID, nil
}

// scanHistory reads the channel's history from oldest to now, page by
// page within the history budget, and indexes the messages marked as this
// cluster's.
func (s *Slack) scanHistory(ctx context.Context, channelID string, oldest time.Time, cluster string) (*historyScan, error) {
	sc := &historyScan{started: s.opts.Now(), oldest: oldest, found: map[string]string{}, duplicates: map[string]int{}}
	p := &slack.GetConversationHistoryParameters{
		ChannelID: channelID, Oldest: slackTS(oldest), Limit: historyPage, IncludeAllMetadata: true,
	}
	for page := 0; ; page++ {
		if page == maxHistoryPages {
			s.log.Warn("history search stopped after the page limit; older messages are not looked at",
				"channel", channelID, "pages", page, "since", oldest)
			return sc, nil
		}
		resp, err := s.readHistory(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, m := range resp.Messages {
			subject, ok := s.ourSubject(m, cluster, stormEventType, incidentEventType)
			if !ok {
				continue
			}
			// Newest first: the last one seen is the oldest.
			sc.found[subject] = m.Timestamp
			sc.duplicates[subject]++
		}
		if !resp.HasMore || resp.ResponseMetaData.NextCursor == "" {
			return sc, nil
		}
		p.Cursor = resp.ResponseMetaData.NextCursor
	}
}

// readHistory makes one conversations.history call within the history
// budget, waiting out rate limits.
func (s *Slack) readHistory(ctx context.Context, p *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
	for {
		if !s.reserve(ctx, s.budget.history) {
			return nil, ctx.Err()
		}
		cctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		resp, err := s.api.GetConversationHistoryContext(cctx, p)
		cancel()
		s.lookups.Add(1)
		if err == nil {
			s.budget.history.succeeded()
			s.gate.ok()
			return resp, nil
		}
		if retry, err := s.lookupFailed(s.budget.history, "conversations.history", err); !retry {
			return nil, err
		}
	}
}

// lookupFailed sorts a failed history or thread read: a rate limit is
// learned and the read retried (retry); a permanent error means the
// history cannot be searched (errNoSearch); anything else is returned for
// the caller to retry after a wait.
func (s *Slack) lookupFailed(l *limiter, method string, err error) (retry bool, _ error) {
	class, retryAfter := classify(err)
	switch class {
	case rateLimited:
		s.rateLimited.Add(1)
		if retryAfter <= 0 {
			retryAfter = s.opts.MinBackoff
		}
		l.limited(retryAfter)
		return true, nil
	case permanent:
		return false, fmt.Errorf("%w: %s: %w", errNoSearch, method, err)
	}
	l.refund()
	s.gate.failed()
	return false, fmt.Errorf("%s: %w", method, err)
}

// reserve waits for a token of l; false when ctx ended first.
func (s *Slack) reserve(ctx context.Context, l *limiter) bool {
	for {
		wait := l.reserve()
		if wait == 0 {
			return true
		}
		if !sleep(ctx, wait) {
			return false
		}
	}
}

// ourSubject returns the subject of a message this cluster's bot posted
// with one of types, read from its metadata or, for servers that drop
// metadata, from its visible mark.
func (s *Slack) ourSubject(m slack.Message, cluster string, types ...string) (string, bool) {
	md := m.Metadata
	if md.EventType != "" {
		ours := false
		for _, t := range types {
			ours = ours || md.EventType == t
		}
		subject, _ := md.EventPayload["subject"].(string)
		c, _ := md.EventPayload["cluster"].(string)
		return subject, ours && subject != "" && c == cluster
	}
	if bot := s.botID.Load(); bot != nil && *bot != "" && m.BotID != *bot {
		return "", false
	}
	text := m.Text
	if len(m.Blocks.BlockSet) > 0 {
		if b, err := json.Marshal(m.Blocks); err == nil {
			text += "\n" + string(b)
		}
	}
	match := markPattern.FindStringSubmatch(text)
	if match == nil {
		return "", false
	}
	return match[1], true
}

// findReply looks in it's thread for the reply rep, posted at or after
// since, whose answer was lost: found reports whether Slack has it.
func (s *Slack) findReply(ctx context.Context, it *item, rep reply, since time.Time) (found bool, err error) {
	s.mu.Lock()
	channelID, ts := it.channelID, it.ts
	s.mu.Unlock()
	p := &slack.GetConversationRepliesParameters{
		ChannelID: channelID, Timestamp: ts, Oldest: slackTS(since.Add(-clockSkew)), Limit: historyPage, IncludeAllMetadata: true,
	}
	for page := 0; page < maxHistoryPages; page++ {
		if !s.reserve(ctx, s.budget.replies) {
			return false, ctx.Err()
		}
		cctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		msgs, more, next, err := s.api.GetConversationRepliesContext(cctx, p)
		cancel()
		s.lookups.Add(1)
		if err != nil {
			if retry, err := s.lookupFailed(s.budget.replies, "conversations.replies", err); retry {
				page--
				continue
			} else {
				return false, err
			}
		}
		s.budget.replies.succeeded()
		s.gate.ok()
		for _, m := range msgs {
			if m.Timestamp == ts {
				continue // the parent
			}
			if m.Metadata.EventType == replyEventType {
				if id, _ := m.Metadata.EventPayload["reply"].(string); id == rep.id {
					return true, nil
				}
				continue
			}
			// No metadata kept: the same text posted in the window is it.
			if m.Metadata.EventType == "" && m.Text == rep.text && rep.text != "" {
				return true, nil
			}
		}
		if !more || next == "" {
			return false, nil
		}
		p.Cursor = next
	}
	return false, nil
}

// resolveChannel returns the ID of a routed channel: an ID as it is, a
// name as learned from a post's answer or a saved reference, else from
// conversations.list (scope channels:read, groups:read for private
// channels).
func (s *Slack) resolveChannel(ctx context.Context, routed string) (string, error) {
	if channelIDPattern.MatchString(routed) {
		return routed, nil
	}
	s.mu.Lock()
	id, ok := s.channelIDs[routed]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	s.resolveMu.Lock()
	defer s.resolveMu.Unlock()
	s.mu.Lock()
	id, ok = s.channelIDs[routed]
	failedAt := s.unresolved[routed]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	if !failedAt.IsZero() && s.opts.Now().Sub(failedAt) < unresolvedFor {
		return "", fmt.Errorf("%w: channel %s did not resolve to an ID", errNoSearch, routed)
	}
	cctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	entry := ChannelEntry(routed)
	a, err := ResolveChannels(cctx, s.api, Access{Rules: []AccessRule{{Channels: []string{entry}}}})
	s.lookups.Add(1)
	if id := a.channelIDs[entry]; id != "" {
		s.learnChannel(routed, id)
		return id, nil
	}
	if class, _ := classify(err); class != permanent && !errors.Is(err, ErrChannelNotFound) && !errors.Is(err, ErrChannelAmbiguous) {
		// Slack did not answer: try again later.
		s.gate.failed()
		return "", err
	}
	s.mu.Lock()
	s.unresolved[routed] = s.opts.Now()
	s.mu.Unlock()
	return "", fmt.Errorf("%w: %w", errNoSearch, err)
}

// unresolvedFor is how long a channel name that did not resolve is not
// asked about again.
const unresolvedFor = 10 * time.Minute

// learnChannel records the ID of a routed channel name.
func (s *Slack) learnChannel(routed, id string) {
	if routed == "" || id == "" || !channelIDPattern.MatchString(id) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channelIDs[routed] = id
}

// slackTS is t as a Slack ts ("1700000000.000000").
func slackTS(t time.Time) string {
	if t.Unix() <= 0 {
		return "0"
	}
	us := t.UnixMicro()
	return strconv.FormatInt(us/1e6, 10) + "." + fmt.Sprintf("%06d", us%1e6)
}

// adopt makes the message found at ts in channelID the item's message and
// saves its reference, so that the next restart finds it in the store.
func (s *Slack) adopt(ctx context.Context, it *item, channelID, ts string) {
	s.mu.Lock()
	it.ts, it.channelID, it.looked, it.unsure = ts, channelID, true, time.Time{}
	s.mu.Unlock()
	s.learnChannel(it.channel, channelID)
	s.adopted.Add(1)
	sctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	if err := s.opts.Messages.SaveMessageRef(sctx, store.MessageRef{Subject: it.id, Channel: channelID, TS: ts, PostedAt: tsTime(ts)}); err != nil {
		s.log.Error("message found but its reference not saved", "subject", it.id, "ts", ts, "err", err)
	}
}

// tsTime is the time a Slack ts stands for.
func tsTime(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	n, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(n, us*1000)
}
