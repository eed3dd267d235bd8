package diagnose_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/internal/manifest"
)

// TestClassicShapes reads each textbook paste of testdata/classic as
// `diagnose -f` does and wants the category its name starts with.
func TestClassicShapes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "classic", "*__*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no classic shapes found: %v", err)
	}
	for i, path := range files {
		if i%corpusSample != 0 {
			continue // under -race a sample; `make test` reads every shape without it
		}
		name := filepath.Base(path)
		want, _, _ := strings.Cut(name, "__")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var objs manifest.Objects
		_, err = objs.ParseAny(name, f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		in, err := objs.Input(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r := diagnose.Diagnose(in); string(r.Category) != want {
			t.Errorf("%s: got %s (%s), want %s: %s", name, r.Category, r.Confidence, want, r.Summary)
		}
	}
}
