// A cache map filled with 380 000 entries, then emptied with delete: its buckets stay. The
// program runs under a memory limit (GOMEMLIMIT=48MiB, GOGC=off) and goes on allocating
// short-lived buffers. How often does the collector run with the empty map kept, and after
// m = nil?
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

var buf []byte

// garbage allocates 64 MB of short-lived buffers and prints how many GC cycles that took.
func garbage(label string) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 256*1024; i++ {
		buf = make([]byte, 256)
	}
	runtime.ReadMemStats(&after)
	fmt.Printf("%s, 64 MB of garbage: cycles=%d\n", label, after.NumGC-before.NumGC)
}

func main() {
	debug.SetGCPercent(-1)         // GOGC=off
	debug.SetMemoryLimit(48 << 20) // GOMEMLIMIT=48MiB
	var ms runtime.MemStats

	cache := make(map[int][64]byte)
	for i := 0; i < 380000; i++ {
		cache[i] = [64]byte{}
	}
	for k := range cache {
		delete(cache, k)
	}
	runtime.GC()
	time.Sleep(100 * time.Millisecond) // idle for a moment: the scavenger returns free pages
	runtime.ReadMemStats(&ms)
	fmt.Printf("emptied, after GC: len=%d HeapAlloc=%d KB NextGC=%d KB\n", len(cache), ms.HeapAlloc/1024, ms.NextGC/1024)
	garbage("map kept")
	garbage("map kept")
	fmt.Println("entries still cached:", len(cache))

	cache = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("cache = nil, after GC: HeapAlloc=%d KB\n", ms.HeapAlloc/1024)
	garbage("map dropped")
	garbage("map dropped")
}
