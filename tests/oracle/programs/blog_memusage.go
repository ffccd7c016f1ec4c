// blog_memusage.go — memory printed the way blog posts print it: a PrintMemUsage() helper,
// bToMb, Alloc / TotalAlloc / Sys in MiB and NumGC, GOGC off (debug.SetGCPercent(-1)), a
// slice of a million small strings ("key-"+strconv.Itoa(i): a 16-byte string each and the
// slice's growth), dropped, then two runtime.GC(). Mallocs, Frees and HeapObjects are printed
// in thousands: their last digits differ from run to run of real Go by a few objects (fmt's
// printer, re-made when the GC empties its sync.Pool; the start-up heap's shapes), which the
// simulator does not model (engine/heap/README.md, "Start-up garbage"); 1 000 250 strings keep
// them away from a thousand's boundary (Go 1.21 starts with 40 objects fewer than 1.19). Go
// 1.26+ randomize the heap's base: the start-up heap maps a second 4 MiB chunk in some runs
// (Sys 7 or 11 MiB at start, 3 runs; engine/runtime/README.md, note ²).
// oracle: after-gc lines 3,4
// oracle: go1.26+ tol Sys ±5 lines 1
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
)

func main() {
	debug.SetGCPercent(-1)
	PrintMemUsage()
	var s []string
	for i := 0; i < 1000250; i++ {
		s = append(s, "key-"+strconv.Itoa(i))
	}
	PrintMemUsage()
	s = nil
	runtime.GC()
	PrintMemUsage()
	runtime.GC()
	PrintMemUsage()
}

func PrintMemUsage() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("Alloc = %v MiB", bToMb(m.Alloc))
	fmt.Printf("\tTotalAlloc = %v MiB", bToMb(m.TotalAlloc))
	fmt.Printf("\tSys = %v MiB", bToMb(m.Sys))
	fmt.Printf("\tNumGC = %v", m.NumGC)
	fmt.Printf("\tMallocs = %v K\tFrees = %v K\tHeapObjects = %v K\n", m.Mallocs/1000, m.Frees/1000, m.HeapObjects/1000)
}

func bToMb(b uint64) uint64 {
	return b / 1024 / 1024
}
