package digest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// chartFixtures are the digests whose charts are kept under testdata for a
// reviewer to look at.
func chartFixtures() map[string]Digest {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		berlin = time.FixedZone("CET", 3600)
	}
	pay := NamespaceScope{Terms: []ScopeTerm{{Namespaces: []string{"pay"}}}}
	return map[string]Digest{
		"chart_daily":  Build(busyWeeks(), Everything, 0, now.In(berlin)),
		"chart_weekly": Build(busyWeeks(), Everything, Week, now.In(berlin)),
		"chart_scoped": Build(busyWeeks(), pay, 0, now.In(berlin)),
		"chart_sparse": Build([]incident.Incident{
			mk("shop", "api", 3*h, open, 2, diagnose.OOMKilled),
			mk("shop", "api", 50*h, 49*h, 9, diagnose.OOMKilled),
			mk("shop", "web", 100*h, 90*h, 1, diagnose.ConfigError),
		}, Everything, 0, now.UTC()),
	}
}

// TestChartGolden draws each fixture and compares it with its golden PNG
// pixel by pixel, decoded: font rasterisation may differ in a few
// anti-aliased pixels across platforms, so a handful may differ a little;
// anything that moves a bar, a label or a colour fails. -update rewrites
// the goldens.
func TestChartGolden(t *testing.T) {
	for name, d := range chartFixtures() {
		t.Run(name, func(t *testing.T) {
			data, ok := Chart(d)
			if !ok {
				t.Fatal("no chart")
			}
			got, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := got.Bounds(); b.Dx() != int(math.Ceil(chartW*chartDPI/72.0)) || b.Dy() != int(math.Ceil(chartH*chartDPI/72.0)) {
				t.Fatalf("chart is %v", b)
			}
			if len(data) > 200<<10 {
				t.Errorf("chart is %d KiB; keep uploads small", len(data)>>10)
			}
			path := filepath.Join("testdata", name+".png")
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			f, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./digest -update to create it)", err)
			}
			want, err := png.Decode(bytes.NewReader(f))
			if err != nil {
				t.Fatal(err)
			}
			if diff, total := pixelDiff(got, want); diff > total/500 {
				t.Errorf("%s: %d of %d pixels differ (run go test ./digest -update and look at the picture)", path, diff, total)
			}
		})
	}
}

// pixelDiff counts the pixels whose colour differs by more than a faint
// anti-aliasing shade; different sizes differ everywhere.
func pixelDiff(a, b image.Image) (diff, total int) {
	ra, rb := rgba(a), rgba(b)
	total = ra.Rect.Dx() * ra.Rect.Dy()
	if ra.Rect.Size() != rb.Rect.Size() {
		return total, total
	}
	for i := 0; i+3 < len(ra.Pix); i += 4 {
		d := 0
		for c := range 3 {
			d = max(d, absDiff(int(ra.Pix[i+c]), int(rb.Pix[i+c])))
		}
		if d > 48 {
			diff++
		}
	}
	return diff, total
}

// rgba converts img to RGBA at the origin, so tests read bytes instead of
// calling At for every pixel.
func rgba(img image.Image) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(out, out.Rect, img, img.Bounds().Min, draw.Src)
	return out
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// TestChartDrawsTheData checks the picture against the numbers, not a
// golden: each category's colour covers an area that grows with its share
// of the bars, and nothing is drawn in a colour of a category not shown.
func TestChartDrawsTheData(t *testing.T) {
	d := Build(busyWeeks(), Everything, 0, now)
	s := ChartSeries(d)
	data, ok := Chart(d)
	if !ok {
		t.Fatal("no chart")
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	area := map[color.RGBA]int{}
	pix := rgba(img).Pix
	for i := 0; i+3 < len(pix); i += 4 {
		area[color.RGBA{pix[i], pix[i+1], pix[i+2], 0xff}]++
	}
	sums := make([]float64, len(s.Categories))
	for i := range s.Categories {
		for _, v := range s.Opened[i] {
			sums[i] += v
		}
	}
	for i := range s.Categories {
		c := palette[i].(color.RGBA)
		if s.Categories[i] == otherCategory {
			c = palette[len(palette)-1].(color.RGBA)
		}
		if area[c] == 0 {
			t.Errorf("category %s (%v) is not drawn", s.Categories[i], c)
			continue
		}
		// Bars are the same width, so area per incident is about the same
		// for every category; the legend swatch adds a little.
		for j := range s.Categories {
			cj := palette[j].(color.RGBA)
			if s.Categories[j] == otherCategory {
				cj = palette[len(palette)-1].(color.RGBA)
			}
			if sums[i] > 2*sums[j] && area[c] <= area[cj] {
				t.Errorf("%s has %v incidents and %d pixels; %s has %v and %d", s.Categories[i], sums[i], area[c], s.Categories[j], sums[j], area[cj])
			}
		}
	}
	for _, c := range palette[len(s.Categories)-1 : len(palette)-1] {
		if s.Categories[len(s.Categories)-1] == otherCategory && area[c.(color.RGBA)] > 0 {
			t.Errorf("colour %v drawn but no category uses it", c)
		}
	}
}

func TestChartSeries(t *testing.T) {
	d := Build(busyWeeks(), Everything, 0, now)
	s := ChartSeries(d)
	if len(s.Categories) != 7 || s.Categories[0] != string(diagnose.OOMKilled) {
		t.Fatalf("seven categories fit without other: %v", s.Categories)
	}
	for j, day := range d.Days {
		sum := 0.0
		for i := range s.Categories {
			sum += s.Opened[i][j]
		}
		if int(sum) != day.Opened {
			t.Errorf("day %d: series add up to %v, opened %d", j, sum, day.Opened)
		}
		if day.Resolved == 0 != math.IsNaN(s.MTTR[j]) {
			t.Errorf("day %d: MTTR %v with %d resolved", j, s.MTTR[j], day.Resolved)
		}
	}
	if s.Unit != time.Minute || s.MTTR[6] != float64(d.Days[6].MTTR/time.Minute) {
		t.Errorf("MTTR %v in %v", s.MTTR, s.Unit)
	}

	// Nine categories: the six largest, then the rest as other.
	var incs []incident.Incident
	for i, c := range diagnose.Categories()[:9] {
		for range 9 - i {
			incs = append(incs, mk("a", string(c), 2*h, h, 1, c))
		}
	}
	s = ChartSeries(Build(incs, Everything, 0, now))
	cats := diagnose.Categories()
	want := fmt.Sprint([]string{string(cats[0]), string(cats[1]), string(cats[2]), string(cats[3]), string(cats[4]), string(cats[5]), otherCategory})
	if fmt.Sprint(s.Categories) != want || s.Opened[6][6] != 3+2+1 {
		t.Errorf("categories %v (other %v), want %s", s.Categories, s.Opened[6], want)
	}
}

func TestChartNothingToDraw(t *testing.T) {
	if _, ok := Chart(Build(nil, Everything, 0, now)); ok {
		t.Error("a quiet digest has a chart")
	}
	old := []incident.Incident{mk("a", "x", 10*24*h, 9*24*h, 1, ""), mk("a", "y", 2*h, open, 1, ""), mk("a", "z", 30*h, open, 1, "")}
	if _, ok := Chart(Build(old, Everything, 0, now)); ok {
		t.Error("a chart of two incidents opened in the last 7 days")
	}
}
