// fmt_spread.go — fmt.Println(xs...), fmt.Printf(format, args...) and fmt.Sprint(xs...) with
// an []any: the slice is passed as it is (gc packs nothing and boxes nothing at the call); its
// elements were boxed when they were stored, convT64's 8 B for an int ≥ 256, a constant
// boxed as read-only data. fmt's parameter leaks only its contents ("leaking param content:
// a"), so a []any made with a constant capacity stays on the stack: 100 rounds of five
// appended ints and a Printf allocate 500 mallocs of 8 B, the boxes, and nothing else.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
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

type point struct{ x, y int }

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	consts := []any{1, "two", 3.5, true}
	fmt.Println(consts...)
	fmt.Printf("%d %s %.1f %v\n", consts...)
	delta("constants")

	total := 0
	for round := 0; round < 100; round++ {
		args := make([]any, 0, 8)
		for i := 0; i < 5; i++ {
			args = append(args, (round+1)*1000+i)
		}
		if round%50 == 0 {
			fmt.Printf("%d %d %d %d %d\n", args...)
		}
		total += len(args)
	}
	fmt.Println("total", total)
	delta("ints appended")

	var none []any
	fmt.Println(none...)
	fmt.Print(none...)
	fmt.Println("empty", len(none))
	delta("nil slice")

	s := fmt.Sprint([]any{"a", "b", 7}...)
	line := fmt.Sprintf("%v|%v", []any{point{1, 2}, "x"}...)
	fmt.Println(s, line, len(s), len(line))
	delta("sprint")
}
