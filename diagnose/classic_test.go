package diagnose_test

import (
	"fmt"
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
	var sampled []string
	for i, path := range files {
		if i%corpusSample == 0 { // under -race a sample; `make test` reads every shape without it
			sampled = append(sampled, path)
		}
	}
	failures := make([]string, len(sampled))
	parallelFor(len(sampled), func(i int) { failures[i] = classicFailure(sampled[i]) })
	for _, f := range failures {
		if f != "" {
			t.Error(f)
		}
	}
}

// classicFailure reads the shape at path and says how its diagnosis
// misses the category its name starts with ("" when it does not).
func classicFailure(path string) string {
	name := filepath.Base(path)
	want, _, _ := strings.Cut(name, "__")
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var objs manifest.Objects
	if _, err := objs.ParseAny(name, f); err != nil {
		return fmt.Sprintf("%s: %v", name, err)
	}
	in, err := objs.Input(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return fmt.Sprintf("%s: %v", name, err)
	}
	if r := diagnose.Diagnose(in); string(r.Category) != want {
		return fmt.Sprintf("%s: got %s (%s), want %s: %s", name, r.Category, r.Confidence, want, r.Summary)
	}
	return ""
}
