package digest

import (
	"bytes"
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// The chart is laid out in points on a 4:3 canvas and rasterised at two
// pixels per point (1080 x 810): Slack previews it about 360 points wide on
// a phone, 1080 pixels on a 3x screen, so it is shown at two thirds of its
// size and its smallest text (14 points) reads at 9 points.
const (
	chartW, chartH = 540, 405
	chartDPI       = 144
	titleSize      = 20
	legendSize     = 15
	textSize       = 14
	// chartCategories is how many categories get their own colour; the
	// rest are stacked as "other".
	chartCategories = 7
	otherCategory   = "other"
	// Below minChartIncidents over the whole trend the numbers say it all.
	minChartIncidents = 3
	// minChartTop keeps one incident from filling the chart.
	minChartTop = 4
)

// palette holds colours told apart with every common colour-vision
// deficiency (Okabe and Ito), most-used category first; the last is "other".
var palette = []color.Color{
	color.RGBA{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	color.RGBA{0x00, 0x72, 0xb2, 0xff}, // blue
	color.RGBA{0xe6, 0x9f, 0x00, 0xff}, // orange
	color.RGBA{0x00, 0x9e, 0x73, 0xff}, // bluish green
	color.RGBA{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	color.RGBA{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	color.RGBA{0x99, 0x99, 0x99, 0xff}, // grey: other
}

var (
	ink   = color.RGBA{0x22, 0x22, 0x22, 0xff}
	muted = color.RGBA{0x66, 0x66, 0x66, 0xff}
	grid  = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
)

// Series is what the chart stacks: for each category shown (most incidents
// first, "other" last), the incidents opened on each day of the trend.
type Series struct {
	Categories []string
	Opened     [][]float64 // [category][day]
	// MTTR is the mean time to recovery per day, in Unit; NaN where
	// nothing was resolved that day.
	MTTR []float64
	Unit time.Duration
}

// ChartSeries computes what Chart draws: the trend's incidents opened per
// day stacked by category (the chartCategories largest over the trend,
// the rest as "other") and the daily MTTR.
func ChartSeries(d Digest) Series {
	total := map[diagnose.Category]int{}
	for _, day := range d.Days {
		for c, n := range day.ByCategory {
			total[c] += n
		}
	}
	cats := make([]diagnose.Category, 0, len(total))
	for c := range total {
		cats = append(cats, c)
	}
	slices.SortFunc(cats, func(a, b diagnose.Category) int {
		return cmp.Or(cmp.Compare(total[b], total[a]), cmp.Compare(a, b))
	})
	shown := cats
	if len(cats) > chartCategories {
		shown = cats[:chartCategories-1] // the last colour goes to "other"
	}
	var s Series
	for _, c := range shown {
		s.Categories = append(s.Categories, string(c))
	}
	if len(shown) < len(cats) {
		s.Categories = append(s.Categories, otherCategory)
	}
	s.Opened = make([][]float64, len(s.Categories))
	for i := range s.Opened {
		s.Opened[i] = make([]float64, len(d.Days))
	}
	longest := time.Duration(0)
	for j, day := range d.Days {
		for c, n := range day.ByCategory {
			i := slices.Index(shown, c)
			if i < 0 {
				i = len(s.Categories) - 1
			}
			s.Opened[i][j] += float64(n)
		}
		longest = max(longest, day.MTTR)
	}
	s.Unit = time.Minute
	if longest >= 2*time.Hour {
		s.Unit = time.Hour
	}
	for _, day := range d.Days {
		v := math.NaN()
		if day.Resolved > 0 {
			v = float64(day.MTTR) / float64(s.Unit)
		}
		s.MTTR = append(s.MTTR, v)
	}
	return s
}

// ChartTitle describes what Chart draws, for the upload's title.
func ChartTitle(d Digest) string {
	return fmt.Sprintf("Crash loops opened per day, last %d days", len(d.Days))
}

// ChartAlt describes the chart in words, for screen readers: the counts
// per day and the MTTR.
func ChartAlt(d Digest) string {
	var parts []string
	for _, day := range d.Days {
		parts = append(parts, fmt.Sprintf("%s %d", dayLabel(day, d.To.Location()), day.Opened))
	}
	s := ChartTitle(d) + " (" + zoneName(d.To) + "): " + strings.Join(parts, ", ") + "."
	if d.Resolved > 0 {
		s += " MTTR this period " + FormatDuration(d.MTTR) + "."
	}
	return s
}

// Chart draws the trend as a PNG: incidents opened per day over the last
// 7 (or 28) days, stacked by category, with a legend, and below it the
// mean time to recovery of each day's resolved incidents; days end at the
// digest's time of day, in its time zone. ok is false when a chart would
// say no more than the numbers: a quiet window, or fewer than three
// incidents over the whole trend.
func Chart(d Digest) (pngData []byte, ok bool) {
	opened := 0
	for _, day := range d.Days {
		opened += day.Opened
	}
	if d.Quiet || opened < minChartIncidents {
		return nil, false
	}
	s := ChartSeries(d)
	n := len(d.Days)
	loc := d.To.Location()

	c := vgimg.NewWith(vgimg.UseWH(chartW, chartH), vgimg.UseDPI(chartDPI), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(c)
	dc = draw.Crop(dc, 10, -24, 4, -10) // margins; the last day's label overhangs

	// Title, subtitle and legend are drawn by hand across the whole width:
	// a plot's own legend would sit on the bars.
	title := textStyle(titleSize, xfont.WeightBold, ink)
	title.YAlign = draw.YTop
	y := dc.Max.Y
	dc.FillText(title, vg.Point{X: dc.Min.X, Y: y}, ChartTitle(d))
	y -= title.Height("X") + 6
	sub := textStyle(textSize, xfont.WeightNormal, muted)
	sub.YAlign = draw.YTop
	dc.FillText(sub, vg.Point{X: dc.Min.X, Y: y},
		fmt.Sprintf("each day ends %s %s · %d opened in the last %s", d.To.Format("15:04"), zoneName(d.To), d.Opened, FormatDuration(d.Window)))
	y -= sub.Height("X") + 12
	y = drawLegend(dc, y, s)

	bars := newPlot()
	bars.Y.Label.Text = "opened"
	bars.Y.Min = 0
	peak := 0.0
	for j := range n {
		sum := 0.0
		for i := range s.Categories {
			sum += s.Opened[i][j]
		}
		peak = max(peak, sum)
	}
	bars.Y.Max = niceMax(max(peak, minChartTop), 5)
	bars.Y.Tick.Marker = countTicks{steps: 5}
	var below *plotter.BarChart
	var stacks []*plotter.BarChart
	for i := range s.Categories {
		b, err := plotter.NewBarChart(plotter.Values(s.Opened[i]), 1)
		if err != nil {
			return nil, false
		}
		b.Color = palette[min(i, len(palette)-1)]
		if s.Categories[i] == otherCategory {
			b.Color = palette[len(palette)-1]
		}
		b.LineStyle.Width = 0
		if below != nil {
			b.StackOn(below)
		}
		below = b
		stacks = append(stacks, b)
	}
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = grid
	bars.Add(g)
	for _, b := range stacks {
		bars.Add(b)
	}

	mttr := newPlot()
	mttr.Y.Label.Text = "MTTR (" + map[time.Duration]string{time.Minute: "min", time.Hour: "h"}[s.Unit] + ")"
	mttr.Y.Min = 0
	mttr.Y.Tick.Marker = countTicks{steps: 2}
	var pts plotter.XYs
	longest := 0.0
	for j, v := range s.MTTR {
		if !math.IsNaN(v) {
			pts = append(pts, plotter.XY{X: float64(j), Y: v})
			longest = max(longest, v)
		}
	}
	mttr.Y.Max = niceMax(longest, 2)
	if len(pts) == 0 {
		mttr.Y.Tick.Marker = plot.ConstantTicks(nil)
	}
	mg := plotter.NewGrid()
	mg.Vertical.Color = nil
	mg.Horizontal.Color = grid
	mttr.Add(mg)
	if len(pts) > 0 {
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, false
		}
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		sc.GlyphStyle.Radius = 3.5
		sc.GlyphStyle.Color = ink
		mttr.Add(sc)
	}
	var ticks []plot.Tick
	for j, day := range d.Days {
		label := ""
		if n <= 7 || (n-1-j)%7 == 0 {
			label = dayLabel(day, loc)
		}
		ticks = append(ticks, plot.Tick{Value: float64(j), Label: label})
	}
	for _, p := range []*plot.Plot{bars, mttr} {
		p.X.Min, p.X.Max = -0.5, float64(n)-0.5
		p.X.Padding, p.Y.Padding = 0, 0
	}
	bars.X.Tick.Marker = plot.ConstantTicks(blankLabels(ticks))
	mttr.X.Tick.Marker = plot.ConstantTicks(ticks)

	// The bars get two thirds of what is left, the MTTR strip the rest;
	// both data areas start and end at the same x so days line up.
	area := draw.Crop(dc, 0, 0, 0, y-dc.Max.Y)
	split := area.Min.Y + (area.Max.Y-area.Min.Y)*0.36
	top := area
	top.Min.Y = split + 8
	bottom := area
	bottom.Max.Y = split
	alignX(bars, &top, mttr, &bottom)
	slot := (bars.DataCanvas(top).Max.X - bars.DataCanvas(top).Min.X) / vg.Length(n)
	for _, b := range stacks {
		b.Width = slot * 0.72
	}
	bars.Draw(top)
	mttr.Draw(bottom)
	if len(pts) == 0 {
		note := textStyle(textSize, xfont.WeightNormal, muted)
		note.XAlign, note.YAlign = draw.XCenter, draw.YCenter
		data := mttr.DataCanvas(bottom)
		data.FillText(note, data.Center(), fmt.Sprintf("no recoveries in these %d days", n))
	}

	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		// Encoding an in-memory image cannot fail; be safe anyway.
		return nil, false
	}
	return buf.Bytes(), true
}

// drawLegend draws one swatch and name per category in rows across the
// canvas from y down, and returns the y below it.
func drawLegend(dc draw.Canvas, y vg.Length, s Series) vg.Length {
	sty := textStyle(legendSize, xfont.WeightNormal, ink)
	sty.YAlign = draw.YCenter
	const swatch, gap = 13, 14
	rowH := sty.Height("X") + 8
	x := dc.Min.X
	y -= rowH / 2
	for i, name := range s.Categories {
		w := swatch + 6 + sty.Width(name)
		if x > dc.Min.X && x+w > dc.Max.X {
			x, y = dc.Min.X, y-rowH
		}
		clr := palette[min(i, len(palette)-1)]
		if name == otherCategory {
			clr = palette[len(palette)-1]
		}
		dc.SetColor(clr)
		dc.Fill(vg.Rectangle{Min: vg.Point{X: x, Y: y - swatch/2}, Max: vg.Point{X: x + swatch, Y: y + swatch/2}}.Path())
		dc.FillText(sty, vg.Point{X: x + swatch + 6, Y: y}, name)
		x += w + gap
	}
	return y - rowH/2 - 6
}

// alignX narrows the canvases of two plots stacked one above the other so
// that their data areas span the same x range.
func alignX(a *plot.Plot, ca *draw.Canvas, b *plot.Plot, cb *draw.Canvas) {
	da, db := a.DataCanvas(*ca), b.DataCanvas(*cb)
	left := max(da.Min.X-ca.Min.X, db.Min.X-cb.Min.X)
	right := max(ca.Max.X-da.Max.X, cb.Max.X-db.Max.X)
	*ca = draw.Crop(*ca, left-(da.Min.X-ca.Min.X), -(right - (ca.Max.X - da.Max.X)), 0, 0)
	*cb = draw.Crop(*cb, left-(db.Min.X-cb.Min.X), -(right - (cb.Max.X - db.Max.X)), 0, 0)
}

// newPlot is a plot in the chart's fonts and colours.
func newPlot() *plot.Plot {
	p := plot.New()
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle = textStyle(textSize, xfont.WeightNormal, muted)
		ax.Tick.Label = textStyle(textSize, xfont.WeightNormal, ink)
		ax.Color = muted
		ax.Tick.Color = muted
		ax.Tick.Length = 4
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	// The axis draws its label rotated and centred itself.
	p.X.Label.TextStyle.XAlign, p.X.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
	p.Y.Label.TextStyle.XAlign, p.Y.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
	p.Legend.TextStyle = textStyle(textSize, xfont.WeightNormal, ink)
	return p
}

var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

func textStyle(size vg.Length, weight xfont.Weight, clr color.Color) text.Style {
	f := font.From(sans, size)
	f.Weight = weight
	return text.Style{Color: clr, Font: f, Handler: plot.DefaultTextHandler}
}

// countTicks marks whole numbers, at most steps+1 of them.
type countTicks struct{ steps float64 }

// Ticks implements plot.Ticker.
func (t countTicks) Ticks(lo, hi float64) []plot.Tick {
	step := niceStep(hi-lo, t.steps)
	var out []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		out = append(out, plot.Tick{Value: v, Label: fmt.Sprint(v)})
	}
	return out
}

// niceStep is 1, 2 or 5 times a power of ten, at least 1, so that span
// needs at most steps steps.
func niceStep(span, steps float64) float64 {
	for p := 1.0; ; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if span/(m*p) <= steps {
				return m * p
			}
		}
	}
}

// niceMax is the top of an axis showing values up to v in at most steps
// steps: the next tick.
func niceMax(v, steps float64) float64 {
	if v <= 0 {
		return 1
	}
	step := niceStep(v, steps)
	return math.Ceil(v/step) * step
}

// blankLabels keeps the tick marks of ticks without their labels.
func blankLabels(ticks []plot.Tick) []plot.Tick {
	out := slices.Clone(ticks)
	for i := range out {
		out[i].Label = ""
	}
	return out
}

// dayLabel names a 24-hour period by the date it mostly falls on ("Tue
// 24"): the date at its middle.
func dayLabel(d Day, loc *time.Location) string {
	return d.Start.Add(12 * time.Hour).In(loc).Format("Mon 2")
}

// zoneName is the time zone of t as people know it: its IANA name when it
// has one, else its abbreviation.
func zoneName(t time.Time) string {
	if name := t.Location().String(); name != "" && name != "Local" {
		return name
	}
	return t.Format("MST")
}
