package digest

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./digest -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./digest -update and review the diff)\ngot:\n%s", path, got)
	}
}

// busyDay is a day with a bit of everything.
func busyDay() []incident.Incident {
	return []incident.Incident{
		mk("shop", "api", 3*h, open, 12, diagnose.OOMKilled),
		mk("shop", "api", 9*h, 8*h+50*time.Minute, 9, diagnose.OOMKilled),
		mk("shop", "web", 10*h, 9*h+30*time.Minute, 4, diagnose.LivenessProbe),
		mk("pay", "worker", 30*h, 28*h, 2, diagnose.ConfigError),
		mk("pay", "worker", 5*h, 4*h, 7, diagnose.DependencyUnavailable),
		mk("pay", "cron", 40*h, open, 30, ""),
		mk("batch", "import", 20*h, 19*h, 1, diagnose.CommandNotFound),
	}
}

func TestWriteTextGolden(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	for name, d := range map[string]Digest{
		"quiet": Build(nil, 0, now.In(cet)),
		"busy":  Build(busyDay(), 0, now.In(cet)),
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, d); err != nil {
				t.Fatal(err)
			}
			golden(t, "text_"+name+".golden", buf.Bytes())
		})
	}
}

func TestChart(t *testing.T) {
	for _, tc := range []struct {
		name string
		incs []incident.Incident
		want bool
	}{
		{"quiet", nil, false},
		{"too few", busyDay()[:2], false},
		{"all in one hour", []incident.Incident{
			mk("a", "x", 2*h, open, 1, ""), mk("a", "y", 2*h, open, 1, ""), mk("a", "z", 2*h, open, 1, ""),
		}, false},
		{"spread over the day", busyDay(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, ok := Chart(Build(tc.incs, 0, now))
			if ok != tc.want {
				t.Fatalf("ok = %t, want %t", ok, tc.want)
			}
			if !ok {
				return
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != chartW || b.Dy() != chartH || len(data) > 8<<10 {
				t.Fatalf("chart %v, %d bytes", b, len(data))
			}
			if *update {
				os.WriteFile(filepath.Join("testdata", "chart_busy.png"), data, 0o644) // for a reviewer to look at
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 14 * time.Minute: "14m", 2*h + 5*time.Minute: "2h5m", 3 * h: "3h", 76 * h: "3d4h", 48 * h: "2d",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%s) = %s, want %s", d, got, want)
		}
	}
}
