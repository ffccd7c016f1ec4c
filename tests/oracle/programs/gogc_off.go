// gogc_off.go — debug.SetGCPercent(-1): no automatic GC while the map grows.
//
// With the collector off nothing is freed until runtime.GC(): every outgrown bucket array /
// table stays counted, so Alloc equals TotalAlloc after the fill and NumGC stays 0
// (engine/heap/README.md, "The heap goal", "Heap growth, HeapSys and Sys"). Turning GOGC back on
// returns the previous setting (-1); the forced GC then leaves only the final map.
//
// Real Go (5 runs each, 1.19 and 1.24) prints NumGC=1 after the forced GC: turning GOGC back
// on starts no cycle by itself, and the few bytes Printf allocates come from cached spans —
// mallocgc tests the trigger only when an allocation takes a new span (shouldhelpgc).
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	old := debug.SetGCPercent(-1)
	n := 180_000
	report("start", "")
	m := make(map[int][64]byte)
	for i := 0; i < n; i++ {
		m[i] = [64]byte{}
	}
	report("filled, GC off", mapShape(m))
	prev := debug.SetGCPercent(old)
	fmt.Printf("GOGC restored to %d (was %d)\n", old, prev)
	runtime.GC()
	report("after-gc filled", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
}
