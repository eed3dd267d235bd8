package diagnose

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestGateOf(t *testing.T) {
	tests := []struct {
		expr string
		want []string // nil: no gate
	}{
		{`\bsegfaults?\b|\bcore dumped\b`, []string{"segfault", "core dumped"}},
		{`(?:^|[^\w-])probes?\b`, []string{"probe"}},
		{`\bapi ?server\b`, []string{"api server", "apiserver"}},
		{`\bsse ?4\w*`, []string{"sse 4", "sse4"}},            // parts that match a few texts are joined
		{`(?i)\bPermission denied\b`, []string{"ion denied"}}, // s folds to the long s, k to the Kelvin sign
		{`(?i)\bOOM\b|\bheap\b`, []string{"oom", "heap"}},     // a folding literal is looked for in lower case
		{`Error: x|内存`, []string{"error: x", "内存"}},           // the lower-cased line holds "error: x"
		{`\bexit\b|\bcrash(?:es|ed)?\b`, []string{"exit", "crash"}},
		{`\bfoo\b|\w+ing\b`, []string{"foo", "ing"}},
		{`\bfoo\b|\w+\b`, nil}, // a branch needs no literal text
		{`memory|`, nil},       // the empty branch matches anywhere
		{`(?:tty)?\bx`, nil},
		{`\bnot\b.{0,50}\bthe (?:cause|issue)\b`, []string{"the cause", "the issue"}}, // the longest part the match needs
		{`(?i)disk full|\bkill`, []string{" full", "ill"}},
		{`a{2,}|bb`, nil},
		{`(?:memory){1,3}|heap`, []string{"memory", "heap"}},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range gateOf(tt.expr, true) {
			got = append(got, string(w))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("gateOf(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
	// For the text the expression runs on, a literal is looked for as
	// written: "NAME" put in for a name is not "name".
	if got := gateOf(`\bNAME is|\bname\b`, false); len(got) != 2 || string(got[0]) != "NAME is" || string(got[1]) != "name" {
		t.Errorf("gateOf for the text itself = %q, want the literals as written", got)
	}
}

// TestGatesHoldOnRealText runs every gated expression over the lines and
// sentences of the corpus and the textbook shapes, lower-cased as the
// scanner lowers them: wherever an expression matches, its gate is open.
func TestGatesHoldOnRealText(t *testing.T) {
	if raceEnabled {
		// A property of the expressions, not of concurrency, and ten
		// times slower under -race: `make test` runs it without.
		t.Skip("runs without -race (make test)")
	}
	if len(allGates) == 0 {
		t.Fatal("no gated expressions registered")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	classic, err := filepath.Glob(filepath.Join("testdata", "classic", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, classic...)
	if len(files) < 1000 {
		t.Fatalf("only %d test files found", len(files))
	}
	// A sample of the files: every expression over every line takes
	// minutes, which is what the gates save the scanner.
	step := 23
	if testing.Short() {
		step = 97
	}
	seen := map[string]bool{}
	texts, shut := 0, 0
	check := func(name string, lower []byte) {
		texts++
		for _, g := range allGates {
			if g.open(lower) {
				continue
			}
			shut++
			if g.re.Match(lower) {
				t.Errorf("%s: %q matches %s but its gate %q is shut", name, lower, g, g.gate)
			}
		}
	}
	// The patterns' expressions run on the line as written; their gates
	// are looked for in the lower-cased line.
	var gatedPatterns []*pattern
	for _, list := range [][]*pattern{patterns, causeClauses, fixClauses} {
		for _, p := range list {
			if p.gate != nil {
				gatedPatterns = append(gatedPatterns, p)
			}
		}
	}
	if len(gatedPatterns) < 100 {
		t.Errorf("only %d patterns have a gate", len(gatedPatterns))
	}
	checkRaw := func(name string, raw, lower []byte) {
		for _, p := range gatedPatterns {
			if gateOpen(p.gate, lower) {
				continue
			}
			shut++
			if p.re.Match(raw) {
				t.Errorf("%s: %q matches pattern %s but its gate %q is shut", name, raw, p.id, p.gate)
			}
		}
	}
	for i := 0; i < len(files); i += step {
		f, err := os.Open(files[i])
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			lower := appendLower(nil, sc.Bytes())
			if seen[string(lower)] {
				continue
			}
			seen[string(lower)] = true
			check(files[i], lower)
			if texts%5 == 0 {
				checkRaw(files[i], sc.Bytes(), lower)
			}
			for rest := lower; len(rest) > 0; {
				var sentence []byte
				sentence, rest = nextSentence(rest)
				if len(rest) > 0 || len(sentence) != len(lower) {
					check(files[i], sentence)
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", files[i], err)
		}
	}
	if texts < 1000 || shut < 1000 {
		t.Errorf("only %d texts, %d shut gates: the test reads too little to say the gates hold", texts, shut)
	}
	t.Logf("%d gated expressions, %d texts, %d shut gates", len(allGates), texts, shut)
}

// FuzzGate checks that a gated expression never matches text its gate
// shuts out.
func FuzzGate(f *testing.F) {
	for _, s := range []string{"OOMKilled: memory limit", "the liveness probe failed", "Permission denied",
		"exit code 0", "内存不足", "connection refused", "diſk", "it wasn't the cause", "OTKAZANO: Отказано в доступе",
		"Segmentation fault (core dumped)", "java.lang.OutOfMemoryError: Java heap space", "KILLED"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := appendLower(nil, []byte(s))
		for _, g := range allGates {
			if g.re.Match(lower) && !g.open(lower) {
				t.Errorf("%q matches %s but its gate %q is shut", lower, g, g.gate)
			}
		}
		for _, list := range [][]*pattern{patterns, causeClauses, fixClauses} {
			for _, p := range list {
				if p.re != nil && p.re.MatchString(s) && !gateOpen(p.gate, lower) {
					t.Errorf("%q matches pattern %s but its gate %q is shut", s, p.id, p.gate)
				}
			}
		}
	})
}

func TestMustGateRefusesIgnoringCase(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("mustGate took an expression that ignores case")
		}
	}()
	mustGate(`(?i)\berror\b`)
}
