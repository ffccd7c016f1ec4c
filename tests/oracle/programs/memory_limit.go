// memory_limit.go — GOMEMLIMIT with GOGC off: no cycle until the heap nears the limit, then
// the limit's heap goal, and cycles back to back once the live map outgrows it.
//
// debug.SetMemoryLimit(64 MiB) with debug.SetGCPercent(-1): the pacer's goal is the limit's
// (mgcpacer.go memoryLimitHeapGoal): the limit less what is mapped and is neither heap
// objects nor free heap, less headroom (Go 1.19: 1 MiB; 1.21+: 3 % of it). A map that never
// shrinks fills up: no cycle runs while it is far below (NumGC 0); near the limit cycles
// start. Once the live map is past the limit the goal is the marked heap itself and the
// collector runs cycle after cycle, the heap still growing past the limit (it is a soft
// limit). The count of those cycles depends on how long each takes (real Go, 3 runs per
// release: 10–24 on 1.24 between 450 000 and 500 000 entries), so it is printed as "at
// least 5".
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	debug.SetGCPercent(-1)
	old := debug.SetMemoryLimit(64 << 20)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("default limit %d, NextGC %d KB\n", old, ms.NextGC/1024)
	m := make(map[int][64]byte)
	for i := 0; i < 150000; i++ {
		m[i] = [64]byte{}
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("150000 entries: HeapAlloc %d KB, NumGC=%d\n", ms.HeapAlloc/1024, ms.NumGC)
	for i := 150000; i < 600000; i++ {
		m[i] = [64]byte{}
	}
	runtime.ReadMemStats(&ms)
	fmt.Println("600000 entries: at least 5 cycles:", ms.NumGC >= 5, "- Sys past the limit:", ms.Sys > 64<<20)
	fmt.Printf("the goal is the marked heap: %v\n", ms.NextGC <= ms.HeapAlloc+ms.HeapAlloc/50)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after GC: HeapAlloc %d KB, limit now %d\n", ms.HeapAlloc/1024, debug.SetMemoryLimit(-1))
	runtime.KeepAlive(m)
}
