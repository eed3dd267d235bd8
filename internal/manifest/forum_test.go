package manifest

import (
	"bytes"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

func TestForumThread(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"posts headed by names", "**phil_oberg:**\nIt restarts.\n---\n**sunny-d:**\nMe too.\n", true},
		{"one author only", "**phil_oberg:**\nIt restarts.\n", false},
		{"a post headed by a role", "**phil_oberg:**\nIt restarts.\n**Reporter:**\nStill.\n**sunny-d:**\nMe too.\n", false},
		{"a bold heading is no name", "**Environment:**\nk3s\n**phil_oberg:**\nx\n**sunny-d:**\ny\n", false},
	} {
		if got := forumThread(bytes.Split([]byte(c.text), []byte("\n"))); got != c.want {
			t.Errorf("%s: forumThread = %v, want %v", c.name, got, c.want)
		}
	}
}

// Forum threads whose posts are headed by their authors' names in bold,
// where another user pastes their own failure, and a dependency the log
// says came back before the failure that ended it (each failed before).
func TestPastesForum(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"another user's OOMKilled in a forum thread", "Thread: Apache image restarts constantly in k8s\n\n**phil_oberg:**\n\nMy start.sh ends with `service apache2 start`; the pod keeps restarting, the log only has Apache's startup message.\n\n---\n\n**sunny_d:**\n\nSame here with our PHP app:\n\n```\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n```\n\n---\n\n**phil_oberg:**\n\n```\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Restart Count:  17\n```\n", diagnose.Completed},
		{"Redis connected before the port the app wants is taken", "Our Nest backend crash loops in k8s. First the Redis connection fails:\n\n```\n[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.110.4.3:6379\n```\n\nthen the end of the log:\n\n```\n[Nest] 1  - 05/14/2024, 9:12:42 AM     LOG [RedisService] Redis connected\n[Nest] 1  - 05/14/2024, 9:12:42 AM     LOG [AdminModule] Admin server listening on :3000\n[Nest] 1  - 05/14/2024, 9:12:42 AM   ERROR [NestApplication] Error: listen EADDRINUSE: address already in use :::3000 +1ms\n```\n", diagnose.PortConflict},
	})
}
