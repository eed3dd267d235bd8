package diagnose

import (
	"regexp"
	"slices"
	"strings"
)

// Web consoles (Portainer, cloud log explorers) show a log newest line
// first, and people paste it that way. Read backwards, an error's detail
// comes before the error and the last line is the first; the scan wants
// the order the program wrote.

// reLineTime is an ISO 8601 timestamp at a line's start, which sorts as
// text.
var reLineTime = regexp.MustCompile(`^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?`)

// oldestFirst returns text in the order it was written: its records (a
// timestamped line and the lines after it that have none, such as a
// stack trace) reversed when their timestamps only go back in time (at
// least three of them, twice going back), unchanged otherwise. Lines
// before the first timestamp stay first.
func oldestFirst(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var records [][]string
	head := 0 // lines before the first timestamped one
	prev, back := "", 0
	for i, l := range lines {
		ts := reLineTime.FindString(l)
		if ts == "" {
			if len(records) == 0 {
				head = i + 1
			} else {
				records[len(records)-1] = append(records[len(records)-1], l)
			}
			continue
		}
		switch {
		case prev != "" && ts > prev:
			return text // forward at least once: as written
		case prev != "" && ts < prev:
			back++
		}
		prev = ts
		records = append(records, []string{l})
	}
	if len(records) < 3 || back < 2 {
		return text
	}
	slices.Reverse(records)
	out := slices.Clone(lines[:head])
	for _, r := range records {
		out = append(out, r...)
	}
	return strings.Join(out, "\n") + "\n"
}
