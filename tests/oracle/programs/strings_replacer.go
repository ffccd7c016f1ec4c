// strings_replacer.go — strings.NewReplacer as readers use it: the four replacers Go's
// build picks (strings/replace.go), each built at its first Replace (sync.Once), then what
// every later Replace allocates:
//   byte (every old and new one byte): NewReplacer 128 B / 2 mallocs (the *Replacer, a copy
//     of the arguments), first Replace 288 B / 3 (the [256]byte table, []byte(s), string),
//     later 32 B / 2, nothing without a match — on every release 1.19–1.27;
//   byteString (every old one byte): 160 B / 2, first Replace 6 656 B / 7 up to 1.24 and
//     6 632 B / 6 from 1.25 (a [256][]byte table of 6 528 B, the replacements as []byte
//     in tiny blocks; make([]byte, newSize) of 24 B on the stack from 1.25), later 48 B / 2
//     (24 B / 1 from 1.25);
//   single string (one pair, old longer than a byte: Boyer-Moore tables): 96 B / 2, first
//     Replace 2 416 B / 5 up to 1.22 and 2 424 B / 5 from 1.23 (Builder.Grow rounds up to
//     the size class), later 40 B / 2 (48 B from 1.23);
//   generic (a lookup trie): 160 B / 2, first Replace 880 B / 10, later 64 B / 3, a Replace
//     without a match 40 B / 3 (the appendSliceWriter moved to the heap, its array, the string).
// Measured on real Go 1.19, 1.21–1.27 (GOMAXPROCS=2), the same on every run.
// WriteString to a *bytes.Buffer: what the buffer grows by, nothing else.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

var sink string

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	r1 := strings.NewReplacer("a", "b", "c", "d")
	delta("new byte")
	s := r1.Replace("abcabc xyz")
	delta("byte first")
	fmt.Println(s)
	delta("print")
	s = r1.Replace("abcabc xyz")
	delta("byte second")
	s = r1.Replace("xyz")
	delta("byte nomatch")
	sink = s

	r2 := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	delta("new bytestring")
	s = r2.Replace("<a href> & b")
	delta("bytestring first")
	fmt.Println(s)
	delta("print")
	s = r2.Replace("<a href> & b")
	delta("bytestring second")
	s = r2.Replace("plain")
	delta("bytestring nomatch")
	sink = s

	r3 := strings.NewReplacer("hello", "bye")
	delta("new single")
	s = r3.Replace("hello world, hello")
	delta("single first")
	fmt.Println(s)
	delta("print")
	s = r3.Replace("hello world, hello")
	delta("single second")
	s = r3.Replace("world")
	delta("single nomatch")
	sink = s

	r4 := strings.NewReplacer("hello", "bye", "world", "earth", "a", "A")
	delta("new generic")
	s = r4.Replace("hello world, a hello")
	delta("generic first")
	fmt.Println(s)
	delta("print")
	s = r4.Replace("hello world, a hello")
	delta("generic second")
	s = r4.Replace("xyz")
	delta("generic nomatch")
	sink = s

	var buf bytes.Buffer
	buf.Grow(64)
	delta("buffer")
	n, err := r2.WriteString(&buf, "<p> & </p>")
	delta("bytestring write")
	fmt.Println(n, err, buf.String())
	delta("print")
	n, err = r4.WriteString(&buf, " hello world")
	delta("generic write")
	fmt.Println(n, err, buf.String())
	delta("print")
}
