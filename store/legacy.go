package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// The JSON state file of earlier versions is moved aside while it is
// imported (legacyPending, so an interrupted import starts again) and kept
// afterwards (legacySuffix) in case someone wants it back.
const (
	legacyPending = ".json-importing"
	legacySuffix  = ".json-backup"
)

// importLegacy reads the JSON state file at path, if path holds one, and
// moves it aside so a database can take its place. It returns nil when
// there is nothing to import.
func importLegacy(path string) ([]incident.Incident, error) {
	pending := path + legacyPending
	data, err := os.ReadFile(pending)
	if os.IsNotExist(err) {
		data, err = os.ReadFile(path)
		if os.IsNotExist(err) || (err == nil && !isJSON(data)) {
			return nil, nil
		}
		if err == nil {
			err = os.Rename(path, pending)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("import store %s: %w", path, err)
	}
	var saved struct {
		Incidents []incident.Incident `json:"incidents"`
	}
	if err := json.Unmarshal(data, &saved); err != nil {
		// Put it back so the error names the file the user knows.
		os.Rename(pending, path)
		return nil, fmt.Errorf("store %s is corrupt: %w (move it away to start afresh)", path, err)
	}
	if saved.Incidents == nil {
		saved.Incidents = []incident.Incident{}
	}
	return saved.Incidents, nil
}

// isJSON tells a JSON state file from a bbolt database, whose first page
// starts with binary page header fields.
func isJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}
