package slackserver

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

func TestValidateBlocks(t *testing.T) {
	txt := func(typ, s string) *slack.TextBlockObject { return slack.NewTextBlockObject(typ, s, false, false) }
	section := func(s string) slack.Block { return slack.NewSectionBlock(txt(slack.MarkdownType, s), nil, nil) }
	button := func(label, value string) slack.BlockElement {
		return slack.NewButtonBlockElement("act", value, txt(slack.PlainTextType, label))
	}
	many := func(n int, b slack.Block) []slack.Block {
		out := make([]slack.Block, n)
		for i := range out {
			out[i] = b
		}
		return out
	}
	fields := func(n, size int) []*slack.TextBlockObject {
		var out []*slack.TextBlockObject
		for range n {
			out = append(out, txt(slack.MarkdownType, strings.Repeat("f", size)))
		}
		return out
	}
	ctxEls := func(n int) []slack.MixedElement {
		var out []slack.MixedElement
		for range n {
			out = append(out, txt(slack.MarkdownType, "c"))
		}
		return out
	}
	buttons := func(n int) []slack.BlockElement {
		var out []slack.BlockElement
		for range n {
			out = append(out, button("b", "v"))
		}
		return out
	}
	withID := func(b *slack.SectionBlock, id string) slack.Block { b.BlockID = id; return b }

	tests := []struct {
		name   string
		blocks []slack.Block
		valid  bool
	}{
		{"50 blocks", many(50, slack.NewDividerBlock()), true},
		{"duplicate block ids", []slack.Block{withID(slack.NewSectionBlock(txt(slack.MarkdownType, "a"), nil, nil), "x"), withID(slack.NewSectionBlock(txt(slack.MarkdownType, "b"), nil, nil), "x")}, false},
		{"51 blocks", many(51, slack.NewDividerBlock()), false},
		{"section 3000 runes", []slack.Block{section(strings.Repeat("é", 3000))}, true},
		{"section 3001 runes", []slack.Block{section(strings.Repeat("é", 3001))}, false},
		{"empty section text", []slack.Block{section("")}, false},
		{"10 fields of 2000", []slack.Block{slack.NewSectionBlock(nil, fields(10, 2000), nil)}, true},
		{"11 fields", []slack.Block{slack.NewSectionBlock(nil, fields(11, 1), nil)}, false},
		{"field 2001", []slack.Block{slack.NewSectionBlock(nil, fields(1, 2001), nil)}, false},
		{"header 150", []slack.Block{slack.NewHeaderBlock(txt(slack.PlainTextType, strings.Repeat("h", 150)))}, true},
		{"header 151", []slack.Block{slack.NewHeaderBlock(txt(slack.PlainTextType, strings.Repeat("h", 151)))}, false},
		{"header mrkdwn", []slack.Block{slack.NewHeaderBlock(txt(slack.MarkdownType, "h"))}, false},
		{"context 10", []slack.Block{slack.NewContextBlock("", ctxEls(10)...)}, true},
		{"context 11", []slack.Block{slack.NewContextBlock("", ctxEls(11)...)}, false},
		{"actions 25", []slack.Block{slack.NewActionBlock("", buttons(25)...)}, true},
		{"actions 26", []slack.Block{slack.NewActionBlock("", buttons(26)...)}, false},
		{"button text 76", []slack.Block{slack.NewActionBlock("", button(strings.Repeat("b", 76), "v"))}, false},
		{"button value 2001", []slack.Block{slack.NewActionBlock("", button("b", strings.Repeat("v", 2001)))}, false},
		{"block_id 255", []slack.Block{withID(slack.NewSectionBlock(txt(slack.MarkdownType, "x"), nil, nil), strings.Repeat("i", 255))}, true},
		{"block_id 256", []slack.Block{withID(slack.NewSectionBlock(txt(slack.MarkdownType, "x"), nil, nil), strings.Repeat("i", 256))}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := json.Marshal(tt.blocks)
			if err != nil {
				t.Fatal(err)
			}
			code, detail := validateBlocks(string(raw))
			if tt.valid && code != "" {
				t.Errorf("rejected valid blocks: %s: %s", code, detail)
			}
			if !tt.valid && code != "invalid_blocks" {
				t.Errorf("code = %q, want invalid_blocks", code)
			}
		})
	}
	if code, _ := validateBlocks("{not json"); code != "invalid_blocks_format" {
		t.Errorf("malformed JSON: code = %q, want invalid_blocks_format", code)
	}
}

func TestInvalidBlocksOverHTTP(t *testing.T) {
	srv, api := newClient(t, Options{})
	long := slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, strings.Repeat("x", 3001), false, false), nil, nil)
	_, _, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("x", false), slack.MsgOptionBlocks(long))
	if err == nil || err.Error() != "invalid_blocks" {
		t.Fatalf("err = %v, want invalid_blocks", err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("%d messages stored, want 0", n)
	}
	calls := srv.CallsTo("chat.postMessage")
	if len(calls) != 1 || calls[0].Error != "invalid_blocks" || len(calls[0].Blocks) == 0 {
		t.Errorf("calls = %+v, want one recorded invalid_blocks call with its blocks", calls)
	}
}
