// startup_garbage.go — what the first GC frees of the runtime's start-up heap.
//
// The runtime allocates objects before main that it drops again (init-time buffers, the
// start-up's goroutine closures…); the first runtime.GC() frees them and allocates the
// collector's own objects for good (mark worker goroutines, work buffers). Read before and
// after that cycle with nothing printed in between: Go 1.19 frees 8 objects and makes 4, Go
// 1.24 frees 12 and makes 7 (engine/runtime/README.md, "The start of main, per release";
// engine/heap/README.md, "Start-up garbage"). Real Go repeats the Frees run after run (3 runs
// per release); what the cycle allocates varies by a malloc, and the start-up heap itself
// comes in two or three shapes per release, so neither Mallocs nor Alloc's change over the
// cycle is printed. From Go 1.25 the cycle frees more bytes than it makes: a program that
// computes `after.Alloc - start.Alloc` in uint64 around it wraps to 18014398509481983 KB in
// most runs (and in a go 1.19 module on Go 1.24, whose GODEBUG defaults add start-up garbage),
// a figure no tolerance can hold, so it is not printed either.
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var start, first, ms runtime.MemStats
	runtime.ReadMemStats(&start)
	runtime.GC()
	runtime.ReadMemStats(&first)
	fmt.Printf("first GC: Frees up %d\n", first.Frees-start.Frees)
	m := make(map[int]int)
	for i := 0; i < 100000; i++ {
		m[i] = i
	}
	for i := 0; i < 100000; i++ {
		delete(m, i)
	}
	m = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc dropped: Alloc=%d NumGC=%d\n", ms.Alloc, ms.NumGC)
}
