package config

import (
	"strings"
	"testing"
)

// TestDigestChannelKeys: a digest channel's period and scope keys decode
// as written, and each bad value is reported under its own key.
func TestDigestChannelKeys(t *testing.T) {
	cfg, err := Parse([]byte(`digest:
  channels:
    - channel: "#team-a"
      period: weekly
      namespaces: [a1, a2]
      selector: "team=a"
    - channel: C0OPS
      namespaces: ["*"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ch := cfg.Digest.Channels[0]
	if ch.Period != PeriodWeekly || strings.Join(ch.Namespaces, ",") != "a1,a2" || ch.Selector != "team=a" || cfg.Digest.Channels[1].Period != "" {
		t.Errorf("decoded %+v", cfg.Digest.Channels)
	}

	cfg, err = Parse([]byte(`digest:
  channels:
    - channel: C1
      period: monthly
      namespaces: [ok, Not_OK, "*"]
      selector: "team in (a"
`))
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.Validate()
	for _, want := range []string{
		`digest.channels[0].period: must be daily or weekly, got "monthly"`,
		`digest.channels[0].namespaces[1]: "Not_OK" is not a namespace name or *`,
		"digest.channels[0].selector:",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to contain %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "namespaces[0]") || strings.Contains(err.Error(), "namespaces[2]") {
		t.Errorf("valid namespaces reported: %v", err)
	}
}
