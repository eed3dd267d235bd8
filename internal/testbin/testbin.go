// Package testbin builds the crashloop-bot binary once per test process, so
// end-to-end tests run the released program exactly as a user would.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// pkg is the main package, named by import path so the build works from
// any test's directory.
const pkg = "github.com/crashloop-bot/crashloop-bot/cmd/bot"

var (
	once sync.Once
	dir  string
	path string
	err  error
)

// Bot returns the path of a crashloop-bot binary built from this checkout,
// building it on first use; it fails the test when the build fails.
func Bot(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if dir, err = os.MkdirTemp("", "crashloop-bot-e2e-"); err != nil {
			return
		}
		path = filepath.Join(dir, "crashloop-bot")
		if out, berr := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); berr != nil {
			err = fmt.Errorf("go build %s: %v\n%s", pkg, berr, out)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// Clean removes the binary, if one was built; call it from TestMain after
// the tests have run.
func Clean() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}
