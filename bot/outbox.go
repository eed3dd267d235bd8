package bot

import (
	"fmt"
	"slices"
	"time"

	"github.com/slack-go/slack"
)

// message is what one Slack message shows: its blocks, its notification
// text, and the plain text sent instead when Slack rejects the blocks.
type message struct {
	text   string
	blocks []slack.Block
	plain  string
}

// reply is one thread reply waiting for delivery. A storm member's details
// (member set) may be merged with the next ones queued in the same thread.
type reply struct {
	message
	member string // the member's name (a workload, or cluster: workload), for a merged notification text
	fleet  bool   // the member is a cluster of a fleet incident, not a workload of a storm
	// id names the reply in its metadata, so that a reply whose answer was
	// lost is found in the thread instead of being posted twice.
	id string
}

// item is one message (about an incident or a storm) in one channel and
// everything still to be done with it. Its fields are guarded by Slack.mu.
type item struct {
	id      string // the subject: incident or storm ID
	channel string // as routed; keys the channel's post budget
	// storm: the message speaks for many workloads; its updates go first.
	storm bool
	// key and cluster are the incident's workload key and cluster, marked
	// on the message (metadata) with id. openedAt is when the incident or
	// storm opened: a message about it cannot be older (give or take the
	// clocks), which bounds a history search.
	key, cluster string
	openedAt     time.Time
	// ts is the message, "" until posted; channelID is the ID Slack
	// answered the post with (updates and replies need the ID, not a
	// #name).
	ts, channelID string
	// looked: the message reference store was asked for this subject (a
	// restarted bot finds the message it posted before).
	looked bool
	// unsure is set when a message about the subject may exist in Slack
	// although no ts is known: a post whose answer was lost (a 5xx, a
	// timeout, a reset connection), or one made before this sink started
	// (by the previous process or leader) whose reference was not saved.
	// The channel's history, read after unsure, is searched before the
	// next post. Zero when there is nothing to search.
	unsure time.Time
	// deleted: the message was deleted by a person (known ts, now
	// message_not_found). It is not posted again; its updates and replies
	// are dropped.
	deleted bool
	// unconfirmed are the ts of thread replies posted since Slack last
	// confirmed the message exists (its post or last update): had it been
	// deleted meanwhile, they were posted at the top of the channel, and
	// are removed.
	unconfirmed []string
	// pending is the latest state not yet shown; later notifications
	// replace it (coalescing), so one call shows all of them.
	pending *message
	// replies wait, in order, for the message to exist.
	replies  []reply
	resolved bool
	// dead: the message could not be posted (Slack refused it for good);
	// its replies have nowhere to go.
	dead bool
	// postBusy: the channel's post lane is posting the message or its
	// replies; updateBusy: the update lane is updating it. (Replies and
	// an update of one message may go at once; a post goes alone, as
	// nothing else can go before the message exists.)
	postBusy, updateBusy bool
	// inPosts, inReplies and inUpdates say in which queues the item is.
	inPosts, inReplies, inUpdates bool
}

func (it *item) hasWork() bool { return it.pending != nil || len(it.replies) > 0 }

// channelQueue is one channel's post lane: first posts, then thread
// replies, each in arrival order (round robin across messages for
// replies), paced by the channel's chat.postMessage budget.
type channelQueue struct {
	channel string
	posts   []*item // messages waiting for their first post
	replies []*item // messages with thread replies waiting
	wake    chan struct{}
	// scan is the last search of the channel's history, kept so that the
	// messages waiting after a restart are looked for with one read.
	// Only the channel's post lane uses it.
	scan *historyScan
}

func newChannelQueue(ch string) *channelQueue {
	return &channelQueue{channel: ch, wake: make(chan struct{}, 1)}
}

// signal wakes a lane without blocking.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// mergeReplies takes the next reply of it and, when it is a storm
// member's details, the member details queued right behind it (up to
// maxMergedMembers, within Slack's 50 blocks): a storm's thread is written
// at the pace the channel allows, not one workload per second.
func mergeReplies(it *item) (reply, int) {
	first := it.replies[0]
	if first.member == "" {
		return first, 1
	}
	merged := reply{message: message{blocks: slices.Clone(first.blocks), plain: first.plain}, member: first.member, fleet: first.fleet}
	names := []string{first.member}
	n := 1
	for n < len(it.replies) && n < maxMergedMembers {
		next := it.replies[n]
		if next.member == "" || len(merged.blocks)+1+len(next.blocks) > maxBlocks {
			break
		}
		merged.blocks = append(merged.blocks, slack.NewDividerBlock())
		for _, b := range next.blocks {
			// Block ids must be unique within a message.
			merged.blocks = append(merged.blocks, withBlockID(b, fmt.Sprintf("_%d", n)))
		}
		merged.plain += "\n\n" + next.plain
		names = append(names, next.member)
		n++
	}
	if n == 1 {
		merged.text = first.text
	} else {
		merged.text = membersText(names, first.fleet)
	}
	return merged, n
}

// membersText is the notification text of merged member replies: the
// workloads of a storm, or the clusters of a fleet incident.
func membersText(names []string, fleet bool) string {
	s := plural(len(names), "workload") + " of the storm: "
	if fleet {
		s = plural(len(names), "cluster") + " of the fleet incident: "
	}
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return escClip(oneLine(s), maxFallbackRunes)
}

// withBlockID returns a copy of b whose block id carries suffix.
func withBlockID(b slack.Block, suffix string) slack.Block {
	switch v := b.(type) {
	case *slack.SectionBlock:
		c := *v
		c.BlockID += suffix
		return &c
	case *slack.ActionBlock:
		c := *v
		c.BlockID += suffix
		return &c
	case *slack.ContextBlock:
		c := *v
		c.BlockID += suffix
		return &c
	}
	return b
}
