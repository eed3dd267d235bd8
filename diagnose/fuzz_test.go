package diagnose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzScanLog(f *testing.F) {
	f.Add("panic: boom\n\ngoroutine 1 [running]:\n")
	f.Add("Traceback (most recent call last):\n  File \"x\"\nKeyError: 'A'\n")
	f.Add("APPLICATION FAILED TO START\n\nDescription:\n\nPort 80 was already in use.\n\nAction:\n\nstop it\n")
	f.Add(`{"level":"fatal","msg":"x","error":"dial tcp: connection refused"}`)
	f.Add("-----BEGIN PRIVATE KEY-----\nabc\n")
	f.Add(strings.Repeat("x", 70000) + "\nconnection refused")
	f.Add("2024-03-01T10:00:00Z stdout F level=error msg=\"unterminated")
	f.Add("{\n  \"level\": \"error\",\n  \"msg\": \"x\",\n  \"caller\": {\n    \"file\": \"a.go\"\n  },\n  \"stacktrace\": \"main.main\\n\\tpkg/cer\n...\n")
	f.Fuzz(func(t *testing.T, log string) {
		got := ScanLog(strings.NewReader(log))
		if got.Category == "" {
			t.Fatal("empty category")
		}
		if len(got.Excerpt) > excerptLines || len(got.Evidence) > 3 {
			t.Fatalf("excerpt %d evidence %d", len(got.Excerpt), len(got.Evidence))
		}
		for _, l := range append(append([]string{got.Line, got.Detail}, got.Evidence...), got.Excerpt...) {
			if !utf8.ValidString(l) || len(l) > 2*maxQuoteBytes+64 {
				t.Fatalf("bad output line %q", l)
			}
		}
	})
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"password=hunter2", "postgres://u:p@h/db", "Authorization: Bearer abcdefgh12345678", "-----BEGIN RSA PRIVATE KEY-----\nx", "AKIAIOSFODNN7EXAMPLE", "token: [REDACTED]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, changed := Redact(s)
		if !changed && out != s {
			t.Fatalf("changed=false but %q -> %q", s, out)
		}
		if changed && !strings.Contains(out, redacted) {
			t.Fatalf("changed=true but no marker: %q -> %q", s, out)
		}
	})
}
