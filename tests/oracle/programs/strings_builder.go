// strings_builder.go — strings.Builder as readers use it: WriteString, WriteByte, WriteRune,
// Grow, Len, Cap, Reset, String. Its buffer grows by append (growslice: 8, 16, 32, 64, …
// size classes), String() does not copy it (nothing allocated), Grow(n) makes one buffer of
// 2·cap + n (from Go 1.23 with the whole size class as capacity: Cap prints 1024 there for
// Grow(1000), 1000 before), and WriteRune of a non-ASCII rune grows by 4 bytes first up to Go
// 1.20 (utf8.AppendRune from 1.21).
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

// join builds a comma-separated list of n numbers' letters.
func join(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString("item")
		sb.WriteByte(byte('a' + i%26))
	}
	return sb.String()
}

var kept []string

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteString("ab")
	}
	delta("1000 WriteString")
	s := sb.String()
	delta("String")
	fmt.Println("len", len(s), sb.Len(), sb.Cap())

	var rb strings.Builder
	for i := 0; i < 300; i++ {
		switch i % 3 {
		case 0:
			rb.WriteRune('x')
		case 1:
			rb.WriteRune('é')
		default:
			rb.WriteRune('€')
		}
	}
	n, _ := rb.WriteRune('😀')
	count := 0
	for range rb.String() {
		count++
	}
	fmt.Println("runes", rb.Len(), n, count)
	delta("WriteRune")

	var gb strings.Builder
	gb.Grow(1000)
	fmt.Println("grown", gb.Len(), gb.Cap())
	for i := 0; i < 1000; i++ {
		gb.WriteByte('z')
	}
	fmt.Println("filled", gb.Len(), gb.Cap())
	gb.Grow(10)
	fmt.Println("grown again", gb.Len(), gb.Cap())
	delta("Grow")

	gb.Reset()
	gb.WriteString("again")
	fmt.Println("reset", gb.Len(), gb.Cap(), gb.String())
	delta("Reset")

	for i := 0; i < 100; i++ {
		kept = append(kept, join(20))
	}
	fmt.Println("joined", len(kept), len(kept[0]), kept[0][:12])
	delta("join kept")
	kept = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("dropped, GC: frees =", ms.Frees-lastFrees) // the kept strings were the buffers
	runtime.KeepAlive(s)
}
