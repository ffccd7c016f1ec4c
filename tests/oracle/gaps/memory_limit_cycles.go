// memory_limit_cycles.go — how many cycles run once a map that never shrinks outgrows a
// memory limit (GOGC off, 64 MiB). Not in the default oracle run: the count depends on how
// long each cycle takes against how fast the program allocates, and real Go's own runs differ
// by half (3 runs: Go 1.19 38–44 cycles at the end, Go 1.24 30–51). gomapsim times the mark
// and the gap between cycles on its clock (engine/heap/README.md, "GOMEMLIMIT"): 42 and 34.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func report(label string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-8s HeapAlloc=%d KB Sys=%d KB HeapReleased=%d KB NextGC=%d KB NumGC=%d\n", label,
		ms.HeapAlloc>>10, ms.Sys>>10, ms.HeapReleased>>10, ms.NextGC>>10, ms.NumGC)
}

func main() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(64 << 20)
	m := make(map[int][64]byte)
	for i := 0; i < 1000000; i++ {
		m[i] = [64]byte{}
		if i%50000 == 0 {
			report(fmt.Sprint(i))
		}
	}
	report("end")
}
