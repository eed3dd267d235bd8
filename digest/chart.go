package digest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"time"
)

// Chart geometry, in pixels.
const (
	chartW, chartH    = 600, 220
	marginL, marginR  = 44, 12
	marginT, marginB  = 14, 30
	glyphScale        = 3 // a 3x5 glyph becomes 9x15
	minChartIncidents = 3
)

// The chart's palette: index 0 is the background.
var palette = color.Palette{
	color.RGBA{0xff, 0xff, 0xff, 0xff}, // background
	color.RGBA{0x9a, 0x9a, 0x9a, 0xff}, // axis and grid
	color.RGBA{0xd9, 0x48, 0x3b, 0xff}, // bars
	color.RGBA{0x33, 0x33, 0x33, 0xff}, // labels
}

const (
	colAxis = 1
	colBar  = 2
	colText = 3
)

// ChartTitle describes what Chart draws, for the upload's title.
func ChartTitle(d Digest) string {
	if d.BucketWidth >= 24*time.Hour {
		return "Crash-loop incidents opened per day"
	}
	return "Crash-loop incidents opened per hour"
}

// Chart draws the incidents opened per bucket (hour) as a PNG bar chart,
// hour labels in the time zone of d.To. ok is false when a chart would say
// no more than the numbers: a quiet window, fewer than three incidents, or
// all of them in one bucket.
func Chart(d Digest) (pngData []byte, ok bool) {
	peak, used := 0, 0
	for _, b := range d.Buckets {
		peak = max(peak, b.Opened)
		if b.Opened > 0 {
			used++
		}
	}
	if d.Quiet || d.Opened < minChartIncidents || used < 2 {
		return nil, false
	}
	img := image.NewPaletted(image.Rect(0, 0, chartW, chartH), palette)
	plotW, plotH := chartW-marginL-marginR, chartH-marginT-marginB
	baseY := marginT + plotH

	// Axes and a grid line at the peak, labelled with its value.
	fill(img, marginL, baseY, chartW-marginR, baseY+1, colAxis)
	fill(img, marginL-1, marginT, marginL, baseY+1, colAxis)
	for x := marginL; x < chartW-marginR; x += 4 {
		fill(img, x, marginT, x+2, marginT+1, colAxis)
	}
	drawNumber(img, marginL-6, marginT-7, strconv.Itoa(peak), alignRight)
	drawNumber(img, marginL-6, baseY-7, "0", alignRight)

	n := len(d.Buckets)
	step := max(1, n/6) // about six labels
	for i, b := range d.Buckets {
		x0 := marginL + i*plotW/n
		x1 := marginL + (i+1)*plotW/n
		gap := max(1, (x1-x0)/5)
		if b.Opened > 0 {
			h := max(1, b.Opened*plotH/peak)
			fill(img, x0+gap, baseY-h, x1-gap, baseY, colBar)
		}
		if i%step == 0 {
			label := b.Start.In(d.To.Location())
			text := twoDigits(label.Hour())
			if d.BucketWidth >= 24*time.Hour {
				text = twoDigits(label.Day())
			}
			fill(img, x0, baseY+1, x0+1, baseY+5, colAxis)
			drawNumber(img, x0, baseY+8, text, alignLeft)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		// Encoding an in-memory paletted image cannot fail; be safe anyway.
		return nil, false
	}
	return buf.Bytes(), true
}

func fill(img *image.Paletted, x0, y0, x1, y1 int, c uint8) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			img.SetColorIndex(x, y, c)
		}
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

type align int

const (
	alignLeft align = iota
	alignRight
)

// digits is a 3x5 pixel font for 0-9, one row of three bits per entry.
var digits = [10][5]uint8{
	{7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7}, {5, 5, 7, 1, 1},
	{7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 1, 1, 1}, {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7},
}

// drawNumber draws the digits of s with their top at y, starting at x or
// ending at x.
func drawNumber(img *image.Paletted, x, y int, s string, a align) {
	const adv = 4 * glyphScale // glyph plus one column of space
	if a == alignRight {
		x -= len(s)*adv - glyphScale
	}
	for i, r := range s {
		g := digits[r-'0']
		for row := range 5 {
			for col := range 3 {
				if g[row]&(4>>col) != 0 {
					px, py := x+i*adv+col*glyphScale, y+row*glyphScale
					fill(img, px, py, px+glyphScale, py+glyphScale, colText)
				}
			}
		}
	}
}
