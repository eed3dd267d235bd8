package diagnose

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A gate is the literal text a regular expression cannot match without:
// every match holds at least one of its words. Prose is read against
// dozens of long alternations, and Go's matcher tries each of them at
// every position of a line; looking for a few words first is far cheaper,
// and most lines hold none of them.
//
// A gate is read from the expression itself, so it cannot fall out of
// step with it, in one of two forms:
//   - for the text the expression runs on (gatedRegexp): its literals as
//     written. Such expressions are written in lower case for lower-cased
//     text and may not ignore case (mustGate refuses one that does).
//   - for the lower-cased line when the expression runs on the line as
//     written (a pattern's): its literals with their ASCII letters in lower
//     case, as the scanner lowers a line. A match of "Error" or of
//     (?i)"error" there is an "error" in the lower-cased line; a letter that
//     folds to a non-ASCII one (k to the Kelvin sign, s to the long s) or a
//     non-ASCII letter that has cases ends a word when the expression
//     ignores case.

// gatedRegexp is a regular expression behind its gate.
type gatedRegexp struct {
	re    *regexp.Regexp
	gate  [][]byte // nil: no gate could be read; the expression always runs
	words []string // gate's words as strings
}

// allGates are the gated expressions, for the test that checks each gate
// holds; they are only added to while the package initialises.
var allGates []*gatedRegexp

// mustGate compiles expr and reads its gate.
func mustGate(expr string) *gatedRegexp {
	if strings.Contains(expr, "(?i") {
		panic("mustGate: write " + expr + " in lower case for lower-cased text instead of ignoring case")
	}
	g := &gatedRegexp{re: regexp.MustCompile(expr), gate: gateOf(expr, false)}
	for _, w := range g.gate {
		g.words = append(g.words, string(w))
	}
	allGates = append(allGates, g)
	return g
}

// open reports whether lower may match: false means it certainly does not.
func (g *gatedRegexp) open(lower []byte) bool { return gateOpen(g.gate, lower) }

// gateOpen reports whether lower holds one of gate's words, or gate is
// nil (there is no gate).
func gateOpen(gate [][]byte, lower []byte) bool {
	if gate == nil {
		return true
	}
	for _, w := range gate {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}

// Match reports whether the lower-cased text lower matches.
func (g *gatedRegexp) Match(lower []byte) bool { return g.open(lower) && g.re.Match(lower) }

// MatchString reports whether the lower-cased text lower matches.
func (g *gatedRegexp) MatchString(lower string) bool {
	if g.gate == nil {
		return g.re.MatchString(lower)
	}
	for _, w := range g.words {
		if strings.Contains(lower, w) {
			return g.re.MatchString(lower)
		}
	}
	return false
}

// FindAllIndex is regexp.FindAllIndex on lower-cased text.
func (g *gatedRegexp) FindAllIndex(lower []byte, n int) [][]int {
	if !g.open(lower) {
		return nil
	}
	return g.re.FindAllIndex(lower, n)
}

// String returns the expression.
func (g *gatedRegexp) String() string { return g.re.String() }

// gateOf returns the words one of which every match of expr holds (with
// their ASCII letters in lower case when lower is set), or nil when it
// cannot tell (a branch of the expression needs no literal text).
func gateOf(expr string, lower bool) [][]byte {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	words, ok := wordReader{lower}.required(re.Simplify())
	if !ok {
		return nil
	}
	out := make([][]byte, 0, len(words))
	for _, w := range minimal(words) {
		out = append(out, []byte(w))
	}
	return out
}

// minimal drops the words that hold another of words ("segfaults" when
// "segfault" is one) and repeats: the rest are found in the same texts.
func minimal(words []string) []string {
	var out []string
	for i, w := range words {
		keep := true
		for j, o := range words {
			if j != i && strings.Contains(w, o) && (len(o) < len(w) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, w)
		}
	}
	return out
}

// A wordReader reads the words a part of an expression needs.
type wordReader struct {
	lower bool // the words are looked for in the lower-cased line
}

// required returns words one of which every match of re holds.
func (wr wordReader) required(re *syntax.Regexp) ([]string, bool) {
	if words, ok := wr.exact(re); ok {
		return words, shortest(words) >= 2
	}
	switch re.Op {
	case syntax.OpLiteral:
		if w := wr.literalWord(re); len(w) >= 2 {
			return []string{w}, true
		}
	case syntax.OpCapture, syntax.OpPlus:
		return wr.required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return wr.required(re.Sub[0])
		}
	case syntax.OpConcat:
		return wr.requiredInConcat(re.Sub)
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			w, ok := wr.required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, w...)
		}
		return all, true
	}
	return nil, false
}

// requiredInConcat returns the best words a sequence needs: parts that
// match a few exact texts are joined with their neighbours ("the " and
// "cause|problem" need "the cause" or "the problem"), and of the parts
// the match cannot do without, the one whose shortest word is longest
// rules out the most lines.
func (wr wordReader) requiredInConcat(subs []*syntax.Regexp) ([]string, bool) {
	var best []string
	consider := func(words []string) {
		words = minimal(words)
		if len(words) > 0 && shortest(words) >= 2 && (best == nil || better(words, best)) {
			best = words
		}
	}
	run := []string{""}
	for _, sub := range subs {
		if words, ok := wr.exact(sub); ok {
			if joined := cross(run, words); joined != nil {
				run = joined
				continue
			}
			consider(run)
			run = words
			continue
		}
		consider(run)
		run = []string{""}
		if words, ok := wr.required(sub); ok {
			consider(words)
		}
	}
	consider(run)
	return best, best != nil
}

// better reports whether words rule out more lines than other: a longer
// shortest word, then fewer words.
func better(words, other []string) bool {
	if a, b := shortest(words), shortest(other); a != b {
		return a > b
	}
	return len(words) < len(other)
}

// maxExact bounds the texts an exact part may stand for.
const maxExact = 32

// exact returns every text re can match when they are few (a literal, a
// choice of literals, an optional character, a word boundary: ""), or
// false.
func (wr wordReader) exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true // zero-width: the texts either side stay adjacent
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			w := wr.literalWord(re)
			if utf8.RuneCountInString(w) != len(re.Rune) {
				return nil, false // a letter folds outside ASCII
			}
			return []string{w}, true
		}
		return []string{wr.literalWord(re)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 4 {
					return nil, false
				}
				out = append(out, string(wr.lowerASCII(r)))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return wr.exact(re.Sub[0])
	case syntax.OpQuest:
		words, ok := wr.exact(re.Sub[0])
		if !ok || len(words) >= maxExact {
			return nil, false
		}
		return append(words, ""), true
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			words, ok := wr.exact(sub)
			if !ok || len(all)+len(words) > maxExact {
				return nil, false
			}
			all = append(all, words...)
		}
		return all, true
	case syntax.OpConcat:
		run := []string{""}
		for _, sub := range re.Sub {
			words, ok := wr.exact(sub)
			if !ok {
				return nil, false
			}
			if run = cross(run, words); run == nil {
				return nil, false
			}
		}
		return run, true
	}
	return nil, false
}

// cross returns every a followed by every b, or nil when they are too
// many.
func cross(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// literalWord returns the longest run of a literal that every match
// holds (in lower case, for the lower-cased line or when it ignores case):
// the whole literal unless it ignores case and a letter folds outside
// ASCII.
func (wr wordReader) literalWord(re *syntax.Regexp) string {
	fold := re.Flags&syntax.FoldCase != 0
	low := wordReader{lower: wr.lower || fold}
	var best, run []byte
	for _, r := range re.Rune {
		if fold && !foldsWithinASCII(r) {
			if len(run) > len(best) {
				best = run
			}
			run = nil
			continue
		}
		run = utf8.AppendRune(run, low.lowerASCII(r))
	}
	if len(run) > len(best) {
		best = run
	}
	return string(best)
}

// lowerASCII returns r in lower case if it is an ASCII letter and the
// words are looked for in the lower-cased line.
func (wr wordReader) lowerASCII(r rune) rune {
	if wr.lower && 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// foldsWithinASCII reports whether every case of r is r itself or an
// ASCII letter.
func foldsWithinASCII(r rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf || r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// shortest is the length of the shortest of words.
func shortest(words []string) int {
	n := -1
	for _, w := range words {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}
