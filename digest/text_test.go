package digest

import (
	"bytes"
	"flag"
	"fmt"
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

// busyWeeks are four weeks of a cluster getting worse: more incidents each
// week, OOM kills growing, one dependency flapping, a cron job stuck.
func busyWeeks() []incident.Incident {
	var incs []incident.Incident
	cats := []diagnose.Category{diagnose.OOMKilled, diagnose.LivenessProbe, diagnose.ConfigError, diagnose.DependencyUnavailable,
		diagnose.AppCrash, diagnose.CommandNotFound, diagnose.MissingConfigObject}
	for d := range 28 {
		n := 1 + (27-d)/6 + d%3 // more as the weeks go by, with a daily wobble
		for i := range n {
			ago := time.Duration(d)*24*h + time.Duration(i*5+1)*h
			cat := cats[(d+i)%len(cats)]
			if d < 7 && i%2 == 0 { // this week, OOM kills grow
				cat = diagnose.OOMKilled
			}
			ns := []string{"shop", "pay", "batch"}[(d+i)%3]
			ttr := time.Duration(20+(d*7+i*13)%200) * time.Minute
			incs = append(incs, mk(ns, fmt.Sprintf("svc-%d", (d*3+i)%9), ago, ago-ttr, int32(3+(d+i)%17), cat))
		}
	}
	incs = append(incs, mk("pay", "cron", 50*h, open, 140, diagnose.ConfigError))
	return incs
}

func TestWriteTextGolden(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	pay := NamespaceScope{Terms: []ScopeTerm{{Namespaces: []string{"pay"}}}}
	for name, d := range map[string]Digest{
		"quiet":  Build(nil, Everything, 0, now.In(cet)),
		"busy":   Build(busyDay(), Everything, 0, now.In(cet)),
		"scoped": Build(busyDay(), pay, 0, now.In(cet)),
		"weekly": Build(busyWeeks(), Everything, Week, now.In(cet)),
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

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 14 * time.Minute: "14m", 2*h + 5*time.Minute: "2h5m", 3 * h: "3h", 76 * h: "3d4h", 48 * h: "2d",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%s) = %s, want %s", d, got, want)
		}
	}
}
