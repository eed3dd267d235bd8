package slackserver

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Slack's Block Kit limits, in characters (runes).
const (
	MaxBlocks          = 50
	MaxSectionText     = 3000
	MaxSectionFields   = 10
	MaxFieldText       = 2000
	MaxHeaderText      = 150
	MaxContextElements = 10
	MaxActionsElements = 25
	MaxBlockID         = 255
	MaxActionID        = 255
	MaxButtonText      = 75
	MaxButtonValue     = 2000
	MaxButtonURL       = 3000
	// MaxContextText is the limit of a text element in a context block.
	MaxContextText = 3000
)

// ValidateBlocks checks a message's blocks (JSON) against Slack's limits as
// chat.postMessage and chat.update do. It returns nil for valid blocks, else
// an error whose text is Slack's error code and the offending block.
func ValidateBlocks(blocks []byte) error {
	if code, detail := validateBlocks(string(blocks)); code != "" {
		return fmt.Errorf("%s: %s", code, detail)
	}
	return nil
}

// obj is a decoded JSON object.
type obj = map[string]any

// validateBlocks checks a blocks parameter against Slack's limits. It returns
// "" when the blocks are valid, else an error code (invalid_blocks or
// invalid_blocks_format) and a detail naming the offending block.
func validateBlocks(raw string) (code, detail string) {
	var blocks []obj
	if err := json.Unmarshal([]byte(raw), &blocks); err != nil {
		return "invalid_blocks_format", "blocks must be a JSON array of objects"
	}
	if len(blocks) > MaxBlocks {
		return "invalid_blocks", fmt.Sprintf("no more than %d items allowed [json-pointer:/blocks]", MaxBlocks)
	}
	ids := map[string]bool{}
	for i, b := range blocks {
		if err := validateBlock(b); err != "" {
			return "invalid_blocks", fmt.Sprintf("%s [json-pointer:/blocks/%d]", err, i)
		}
		if id, ok := b["block_id"].(string); ok && id != "" {
			if ids[id] {
				return "invalid_blocks", fmt.Sprintf("duplicate block_id %q [json-pointer:/blocks/%d]", id, i)
			}
			ids[id] = true
		}
	}
	return "", ""
}

func validateBlock(b obj) string {
	if id, ok := b["block_id"].(string); ok && utf8.RuneCountInString(id) > MaxBlockID {
		return fmt.Sprintf("block_id must be at most %d characters", MaxBlockID)
	}
	switch b["type"] {
	case "section":
		text, hasText := b["text"].(obj)
		fields, hasFields := b["fields"].([]any)
		if !hasText && !hasFields {
			return "section needs text or fields"
		}
		if hasText {
			if err := validateText(text, MaxSectionText, "mrkdwn", "plain_text"); err != "" {
				return "text: " + err
			}
		}
		if hasFields {
			if len(fields) == 0 || len(fields) > MaxSectionFields {
				return fmt.Sprintf("fields must have 1 to %d items", MaxSectionFields)
			}
			for j, f := range fields {
				fo, _ := f.(obj)
				if err := validateText(fo, MaxFieldText, "mrkdwn", "plain_text"); err != "" {
					return fmt.Sprintf("fields/%d: %s", j, err)
				}
			}
		}
		if acc, ok := b["accessory"].(obj); ok {
			if err := validateElement(acc); err != "" {
				return "accessory: " + err
			}
		}
	case "header":
		text, _ := b["text"].(obj)
		if err := validateText(text, MaxHeaderText, "plain_text"); err != "" {
			return "header text: " + err
		}
	case "context":
		els, _ := b["elements"].([]any)
		if len(els) == 0 || len(els) > MaxContextElements {
			return fmt.Sprintf("context elements must have 1 to %d items", MaxContextElements)
		}
		for j, e := range els {
			eo, _ := e.(obj)
			if eo["type"] == "image" {
				continue
			}
			if err := validateText(eo, MaxContextText, "mrkdwn", "plain_text"); err != "" {
				return fmt.Sprintf("elements/%d: %s", j, err)
			}
		}
	case "actions":
		els, _ := b["elements"].([]any)
		if len(els) == 0 || len(els) > MaxActionsElements {
			return fmt.Sprintf("actions elements must have 1 to %d items", MaxActionsElements)
		}
		for j, e := range els {
			eo, _ := e.(obj)
			if err := validateElement(eo); err != "" {
				return fmt.Sprintf("elements/%d: %s", j, err)
			}
		}
	case nil:
		return "missing block type"
	}
	return ""
}

// validateText checks a text object: its type is one of types, its text is
// not empty and at most limit characters.
func validateText(t obj, limit int, types ...string) string {
	if t == nil {
		return "must be a text object"
	}
	typ, _ := t["type"].(string)
	okType := false
	for _, want := range types {
		okType = okType || typ == want
	}
	if !okType {
		return fmt.Sprintf("type must be one of %v, not %q", types, typ)
	}
	s, _ := t["text"].(string)
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return "must be more than 0 characters"
	}
	if n > limit {
		return fmt.Sprintf("must be less than %d characters", limit+1)
	}
	return ""
}

func validateElement(e obj) string {
	if e == nil {
		return "must be an element object"
	}
	if id, ok := e["action_id"].(string); ok && utf8.RuneCountInString(id) > MaxActionID {
		return fmt.Sprintf("action_id must be at most %d characters", MaxActionID)
	}
	if e["type"] != "button" {
		return ""
	}
	text, _ := e["text"].(obj)
	if err := validateText(text, MaxButtonText, "plain_text"); err != "" {
		return "button text: " + err
	}
	if v, ok := e["value"].(string); ok && utf8.RuneCountInString(v) > MaxButtonValue {
		return fmt.Sprintf("button value must be at most %d characters", MaxButtonValue)
	}
	if u, ok := e["url"].(string); ok && utf8.RuneCountInString(u) > MaxButtonURL {
		return fmt.Sprintf("button url must be at most %d characters", MaxButtonURL)
	}
	return ""
}
