// fmt_buffer_growth.go — the printer's buffer grows as printValue appends to it, piece by piece.
//
// fmt prints a struct, array, slice or map with one append to the printer's buffer (pp.buf)
// per bracket, separator, field name and element (fmt/print.go printValue; fmt/format.go pad),
// so the buffer grows through append's capacities (runtime/slice.go growslice: double below
// 256 B, then by (cap + 768)/4, each rounded up to a size class) rather than once to the
// text's length. The buffer stays with its printer in fmt's sync.Pool (dropped above 64 KiB),
// so a later, longer print grows it on from there.
//
// Real Go (every release, BySize deltas): the first fmt.Println of a Grid holding a zero
// [200]int makes 11 mallocs / 3 288 B — the boxed Grid (1 792), the printer (208; 176 on 1.27),
// the pool's per-P array (256) and allPools (16), and the buffer 8 → 16 → 32 → 64 → 128 → 256
// → 512; [600]int of 0…599 grows it 896 → 1 408 → 2 048 → 3 072 (+ its box 4 864); a 5 000-byte
// name takes it to 5 376 in one append, then 6 912. Before the buffer grew by pieces gomapsim
// made 5 / 2 680 for the first line (8 then 416 B). Now and then the runtime makes one more
// small object of its own during a print (48 or 64 B, in 1 run of 1 on 1.23, 1.24, 1.26 and
// 1.27), and the 300-entry map's line read 605–607 mallocs on 1.23–1.27 (1.24: 607, 607, 605
// in three runs of a clean-clone CI; gomapsim 605) and Printf of 2000 ints 2004–2006 (two
// CI runs; gomapsim 2004): ±3 mallocs, 3 % of the bytes.
// oracle: unit B
// oracle: mem bytes
// oracle: nofloor bytes
// oracle: tol mallocs ±3
// oracle: tol bytes 3%
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type Grid struct {
	Name  string
	Cells [200]int
}

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

func report(what string, a, b runtime.MemStats) {
	fmt.Printf("%s: mallocs=%d bytes=%d\n", what, b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
}

func main() {
	var g Grid
	a := stats()
	fmt.Println(g)
	b := stats()
	report("first Println of a zero Grid", a, b)

	m := make(map[int]int)
	for i := 0; i < 300; i++ {
		m[i] = i * i
	}
	n := stats()
	fmt.Println(m)
	o := stats()
	report("Println of a 300-entry map", n, o)

	var big [600]int
	for i := range big {
		big[i] = i
	}
	c := stats()
	fmt.Println(big)
	d := stats()
	report("Println of [600]int", c, d)

	g.Name = strings.Repeat("x", 5000)
	e := stats()
	fmt.Println(g)
	f := stats()
	report("Println of a Grid named by 5000 bytes", e, f)

	xs := make([]int, 2000)
	for i := range xs {
		xs[i] = 100000 + i
	}
	h := stats()
	fmt.Printf("%v\n", xs)
	k := stats()
	report("Printf %v of 2000 ints", h, k)

}
