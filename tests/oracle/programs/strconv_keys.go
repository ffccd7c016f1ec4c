// strconv_keys.go — issue 11, item 2 ("a GC that takes time"): 200 000 keys made by
// strconv.Itoa into a map[string]int, then ReadMemStats, as a reader would print it. The
// cycles during the fill are automatic: their marks run while the map keeps growing
// (engine/heap/README.md, "A mark that takes time").
//
// Real Go's spread (run_oracle.py --real-only --runs 3 --go all under a load average of
// 10–19 on the 2 cores, and 4 more runs of 1.19): HeapSys is one 4 MiB chunk apart between
// runs when a mark stretched over the map's doubling at 53 248 or 106 496 entries (Go 1.19:
// 20 742 144 in 5 runs of 7, 16 547 840 in 2; 1.26 and 1.27: 16.5 MB or 12.3 MB): ±4 MiB.
// Under that load 1.19–1.23 mapped the chunk more in all 3 runs (gomapsim never does: its
// marks do not stretch). NumGC: 2–4 (1.21, 1.24, 1.25, 1.26; 4 in three idle CI runs), gomapsim 3: ±1. HeapAlloc right after the
// fill depends on whether the last cycle had ended (8.4–10.3 MB on 1.24): printed after a GC.
// 24 more runs of the built binaries under a load average of 8.7–9.5 (6 per release):
// 1.19, 1.22, 1.23 all 20.6–20.8 MB, 1.21 all 37.4–37.5 MB (gomapsim 16.5 and 33.3), 1.24
// 12.3 MB as gomapsim; gctrace: marks of 3–45 ms wall clock for 1–4 ms of CPU, no assists.
// A longer minimum mark in gomapsim (mark_min_ns 1.5 ms instead of none) gives 20.7 MB but
// loses cycles real Go runs in func_literals, make_hint, gogc_400, alloc_loop_cycles: the
// chunk depends on the machine's load, so the tolerance stays one chunk.
// oracle: unit B
// oracle: tol HeapSys ±4194304
// oracle: tol NumGC ±1
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func main() {
	m := map[string]int{}
	for i := 0; i < 200000; i++ {
		m[strconv.Itoa(i)] = i
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("len", len(m))
	fmt.Println("HeapSys", ms.HeapSys)
	fmt.Println("NumGC", ms.NumGC)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after-gc HeapAlloc", ms.HeapAlloc, "HeapSys", ms.HeapSys)
	runtime.KeepAlive(m)
}
