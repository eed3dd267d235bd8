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

// oldestFirst returns text in the order it was written: reversed when its
// timestamped lines only go back in time (at least three of them, twice
// going back), unchanged otherwise.
func oldestFirst(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	prev, back := "", 0
	stamped := 0
	for _, l := range lines {
		ts := reLineTime.FindString(l)
		if ts == "" {
			continue
		}
		stamped++
		switch {
		case prev != "" && ts > prev:
			return text // forward at least once: as written
		case prev != "" && ts < prev:
			back++
		}
		prev = ts
	}
	if stamped < 3 || back < 2 {
		return text
	}
	slices.Reverse(lines)
	return strings.Join(lines, "\n") + "\n"
}
