// strings_iter.go — package strings' iterators (Go 1.24+): ranges over strings.Lines,
// FieldsSeq (a word count into a map), SplitSeq and SplitAfterSeq (with "" too), and
// an iterator held in a variable (`lines := strings.Lines(text)`, with a break).
//
// gc inlines Lines and FieldsSeq and their loop body's closure where the loop is (go build
// -gcflags=-m: "inlining call to strings.Lines", "func literal does not escape"): the
// strings yielded are slices of text, nothing is allocated. Real Go (TotalAlloc / Mallocs
// deltas, one run each of 1.24, 1.25, 1.27): every measured range 0 B / 0; the word count
// allocates nothing either (its map was made before, its 5 keys fit its first group/bucket).
// SplitSeq is not measured here: on 1.24 its iterator is not inlined (splitSeq returns
// explodeSeq(s) or the literal) and the body's closure escapes, 40 B / 2 mallocs a range
// (gomapsim runs 1.25's code there: 0); from 1.25 0 B. Printed strings equal on every
// release. On 1.23 and before gc says "undefined: strings.Lines", as gomapsim does.
// oracle: since go1.24
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var a, b runtime.MemStats

func report(what string, n int) {
	fmt.Printf("%s %d: delta=%d mallocs=%d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func main() {
	text := strings.Repeat("alpha beta\ngamma  delta\u00a0epsilon\n", 100)
	t := 0
	words := make(map[string]int)
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	for line := range strings.Lines(text) {
		t += len(line)
	}
	runtime.ReadMemStats(&b)
	report("range strings.Lines", t)

	runtime.ReadMemStats(&a)
	t = 0
	for f := range strings.FieldsSeq(text) {
		t += len(f)
	}
	runtime.ReadMemStats(&b)
	report("range strings.FieldsSeq", t)

	runtime.ReadMemStats(&a)
	for f := range strings.FieldsSeq(text) {
		words[f]++
	}
	runtime.ReadMemStats(&b)
	report("word count via FieldsSeq", len(words))

	runtime.ReadMemStats(&a)
	lines := strings.Lines(text)
	n := 0
	for line := range lines {
		if strings.HasPrefix(line, "gamma") {
			n++
		}
		if n == 50 {
			break
		}
	}
	runtime.ReadMemStats(&b)
	report("lines := strings.Lines(text), break at 50", n)

	// not measured: SplitSeq's iterator is inlined from Go 1.25 (0 B); on 1.24 gc calls it
	// through its closure (its body's closure escapes: 40 B / 2 mallocs a range)
	parts, after := 0, 0
	for p := range strings.SplitSeq("a,b,,c", ",") {
		parts++
		fmt.Printf("%q ", p)
	}
	for p := range strings.SplitAfterSeq("a,b,,c", ",") {
		after += len(p)
		fmt.Printf("%q ", p)
	}
	for p := range strings.SplitSeq("héllo", "") {
		fmt.Printf("%q ", p)
	}
	fmt.Println(parts, after)
	for l := range strings.Lines("one\ntwo\nthree") {
		fmt.Printf("%q ", l)
	}
	for f := range strings.FieldsSeq("  x\ty  z ") {
		fmt.Printf("%q ", f)
	}
	fmt.Println(words["alpha"], words["delta\u00a0epsilon"], words["epsilon"])
}
