// heap_stats.go — more MemStats fields around a map's life: HeapAlloc, HeapInuse, NextGC.
//
// A map[int][64]byte of 180 000 entries is filled, emptied and dropped; after each runtime.GC()
// the program prints HeapAlloc (= Alloc), HeapInuse (whole spans in use) and NextGC (the heap
// goal: about twice the live heap, at least 4 MiB; engine/heap/README.md, "When the MemStats
// counters change", "The heap goal"). All are memory figures; HeapAlloc on these lines is an
// after-GC Alloc. HeapInuse is printed only while the map is big: on a ~45 KB heap it varied by
// 32 KB between runs (whole 8 KB spans), beyond any tolerance. NumGC is not printed: Go 1.24
// runs 7 or 8 automatic cycles during the fill.
package main

import (
	"fmt"
	"runtime"
)

var m map[int][64]byte

func report(step string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: HeapAlloc=%d KB NextGC=%d KB\n", step, ms.HeapAlloc/1024, ms.NextGC/1024)
}

func reportInuse(step string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: HeapAlloc=%d KB HeapInuse=%d KB NextGC=%d KB\n", step, ms.HeapAlloc/1024, ms.HeapInuse/1024, ms.NextGC/1024)
}

func main() {
	n := 180_000
	runtime.GC()
	report("after-gc start")
	m = make(map[int][64]byte)
	for i := 0; i < n; i++ {
		m[i] = [64]byte{}
	}
	runtime.GC()
	reportInuse("after-gc filled")
	for i := 0; i < n; i++ {
		delete(m, i)
	}
	runtime.GC()
	reportInuse("after-gc emptied")
	m = nil
	runtime.GC()
	report("after-gc dropped")
}
