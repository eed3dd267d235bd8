package diagnose_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// plantedSecrets are secrets in the forms they take in real logs, each
// with the value that must never be printed.
var plantedSecrets = []struct{ line, secret string }{
	{"connecting to postgres://app:Pl4ntedDsnPw@db.shop.svc:5432/app", "Pl4ntedDsnPw"},
	{"GET https://deploy:Pl4ntedUrlPw@registry.example.com/v2/ failed", "Pl4ntedUrlPw"},
	{"level=error msg=\"login failed\" user=app password=Pl4ntedPairPw", "Pl4ntedPairPw"},
	{"DB_PASSWORD=Pl4ntedEnvPw", "Pl4ntedEnvPw"},
	{`{"level":"error","api_key": "Pl4ntedApiKey", "msg":"rejected"}`, "Pl4ntedApiKey"},
	{"request headers: Authorization: Bearer Pl4ntedBearerTok3n", "Pl4ntedBearerTok3n"},
	{"proxy sent Authorization: Basic cGw0bnRlZDpiYXNpY3B3", "cGw0bnRlZDpiYXNpY3B3"},
	{"using credentials AKIAPL4NTEDK3Y123456 for s3", "AKIAPL4NTEDK3Y123456"},
	{"aws_secret_access_key = Pl4ntedAwsSecretKeyValue0123456789abcdef", "Pl4ntedAwsSecretKeyValue0123456789abcdef"},
	{"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbDRudGVkIn0.c2lnUGw0bnRlZA", "eyJzdWIiOiJwbDRudGVkIn0"},
	{"+ mysql -h db -u root -pPl4ntedMysqlPw -e 'select 1'", "Pl4ntedMysqlPw"},
	{"+ redis-cli -h redis -a Pl4ntedRedisPw ping", "Pl4ntedRedisPw"},
	{"exec /app/server --db-password Pl4ntedFlagPw --port 8080", "Pl4ntedFlagPw"},
	{"vault token: Pl4ntedTokenValue", "Pl4ntedTokenValue"},
	{"-----BEGIN RSA PRIVATE KEY-----", ""},
	{"MIIEpAIBAAKCAQEAPl4ntedPrivateKeyBody", "Pl4ntedPrivateKeyBody"},
	{"-----END RSA PRIVATE KEY-----", ""},
}

// TestCorpusNeverPrintsSecrets plants secrets into the log of every corpus
// case (before it, in its middle, at its end and on the explaining line
// itself, which the report quotes) and checks that none of them appears
// anywhere in the report: text or JSON, summary, evidence, missing, next
// steps or log excerpt.
func TestCorpusNeverPrintsSecrets(t *testing.T) {
	var block []string
	for _, s := range plantedSecrets {
		block = append(block, s.line)
	}
	planted := strings.Join(block, "\n") + "\n"
	for _, set := range corpusSets {
		t.Run(set, func(t *testing.T) {
			t.Parallel() // Diagnose is pure; the sets share nothing
			plantSecrets(t, set, planted)
		})
	}
}

// plantSecrets checks every case of set with planted secrets in its log
// (under -race one in corpusSample: `make test` runs it whole without -race).
func plantSecrets(t *testing.T, set, planted string) {
	for n, c := range loadCorpus(t, set) {
		if n%corpusSample != 0 {
			continue
		}
		hasLog := false
		for i, s := range c.sections {
			if s.kind != "log" {
				continue
			}
			hasLog = true
			lines := strings.Split(strings.TrimRight(s.text, "\n"), "\n")
			for j, l := range lines {
				if c.logline != "" && strings.Contains(l, c.logline) {
					lines[j] = l + " (dsn postgres://app:Pl4ntedDsnPw@db:5432/app, password=Pl4ntedPairPw)"
				}
			}
			mid := len(lines) / 2
			text := planted + strings.Join(lines[:mid], "\n") + "\n" + planted + strings.Join(lines[mid:], "\n") + "\n" + planted
			c.sections[i].text = text
		}
		if !hasLog {
			c.sections = append(c.sections, corpusSection{kind: "log", text: planted})
		}
		in, err := c.input()
		if err != nil {
			// A paste the parser refuses is printed as its error: that
			// text must not carry a secret either.
			for _, s := range plantedSecrets {
				if s.secret != "" && strings.Contains(err.Error(), s.secret) {
					t.Errorf("%s/%s: secret %q printed in the error: %v", set, c.file, s.secret, err)
				}
			}
			continue
		}
		r := diagnose.Diagnose(in)
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		if err := diagnose.WriteText(&text, r); err != nil {
			t.Fatal(err)
		}
		out := string(js) + "\n" + text.String()
		for _, s := range plantedSecrets {
			if s.secret != "" && strings.Contains(out, s.secret) {
				t.Errorf("%s/%s: secret %q printed:\n%s", set, c.file, s.secret, text.String())
			}
		}
		if strings.Contains(out, "[REDACTED]") && !r.Redacted {
			t.Errorf("%s/%s: the report shows [REDACTED] but says Redacted: false", set, c.file)
		}
	}
}
