package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

func TestPrivateParts(t *testing.T) {
	r := newResponder(newTestCommands(newFakeCluster(), nil, nil), nil, ResponderOptions{Logger: slog.New(slog.DiscardHandler)}, "test")
	for _, tc := range []struct {
		name    string
		lines   int
		width   int
		parts   int
		dropped bool
	}{
		{"short", 60, 80, 1, false},
		{"two parts", 500, 80, 2, false},
		{"too long for four", 5000, 100, maxFollowUps, true},
		{"one huge line", 1, 50000, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			for i := 1; i <= tc.lines; i++ {
				line := fmt.Sprintf("line %d <&> ```", i)
				b.WriteString(line + strings.Repeat("x", max(0, tc.width-len(line))) + "\n")
			}
			reply := Reply{File: &ReplyFile{Name: "x.log", Title: "logs ns/pod", Content: b.String()}}
			parts := r.private(&reply)
			if reply.File != nil || len(parts) != tc.parts {
				t.Fatalf("%d parts, file %v", len(parts), reply.File != nil)
			}
			if note := blockTexts(reply.Blocks); !strings.Contains(note, fmt.Sprintf("follows in %s", plural(tc.parts, "message"))) {
				t.Fatalf("note %q", note)
			}
			all := ""
			for i, p := range parts {
				checkReplyLimits(t, p)
				if len(p.Blocks) > partSections+1 {
					t.Errorf("part %d has %d blocks", i, len(p.Blocks))
				}
				text := blockTexts(p.Blocks)
				if !strings.Contains(text, fmt.Sprintf("(part %d of %d)", i+1, tc.parts)) || strings.Contains(text, "<&>") {
					t.Errorf("part %d: %.200s", i, text)
				}
				all += text
			}
			last := fmt.Sprintf("line %d ", tc.lines)
			if !strings.Contains(all, last) {
				t.Error("the newest line is missing")
			}
			if got := strings.Contains(all, "earlier line"); got != tc.dropped {
				t.Errorf("dropped note %t, want %t", got, tc.dropped)
			}
			if !tc.dropped && !strings.Contains(all, "line 1 ") {
				t.Error("the first line is missing")
			}
		})
	}
	empty := Reply{}
	if parts := r.private(&empty); parts != nil || len(empty.Blocks) != 0 {
		t.Fatal("a reply without a file got parts")
	}
}

// blockTexts joins the texts of sections and context blocks.
func blockTexts(blocks []slack.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *slack.SectionBlock:
			if bl.Text != nil {
				b.WriteString(bl.Text.Text + "\n")
			}
		case *slack.ContextBlock:
			for _, el := range bl.ContextElements.Elements {
				if t, ok := el.(*slack.TextBlockObject); ok {
					b.WriteString(t.Text + "\n")
				}
			}
		}
	}
	return b.String()
}
