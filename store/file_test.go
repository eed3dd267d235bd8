package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

func TestFileImportsLegacyJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "incidents.json")
	legacy, _ := json.Marshal(map[string]any{"incidents": []incident.Incident{
		inc("a", incident.Open, t0, time.Time{}),
		inc("b", incident.Resolved, t0, t0.Add(time.Hour)),
	}})
	if err := os.WriteFile(path, legacy, 0o600); err != nil {
		t.Fatal(err)
	}
	f := mustOpen(t, path, Options{})
	if all, _ := f.History(t.Context(), time.Time{}); names(all) != "a,b" {
		t.Fatalf("imported %s, want a,b", names(all))
	}
	if kept, err := os.ReadFile(path + legacySuffix); err != nil || string(kept) != string(legacy) {
		t.Fatalf("legacy file not kept: %v", err)
	}
	f.Close()
	// Opening again finds a database, not JSON, and imports nothing twice.
	again := mustOpen(t, path, Options{})
	if all, _ := again.History(t.Context(), time.Time{}); names(all) != "a,b" {
		t.Fatalf("after reopen %s", names(all))
	}
}

func TestFileCorruptNamesIt(t *testing.T) {
	for name, content := range map[string]string{"json": "{not json", "binary": strings.Repeat("\x01garbage", 1024)} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.db")
			os.WriteFile(path, []byte(content), 0o600)
			_, err := OpenFile(path, 0)
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "corrupt") {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestFileInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	mustOpen(t, path, Options{})
	if _, err := OpenFile(path, 0); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("second open: %v", err)
	}
}
