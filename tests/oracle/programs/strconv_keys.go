// strconv_keys.go — issue 11, item 2 ("a GC that takes time"): 200 000 keys made by
// strconv.Itoa into a map[string]int, then ReadMemStats, as a reader would print it. The
// cycles during the fill are automatic: their marks run while the map keeps growing
// (engine/heap/README.md, "A mark that takes time").
//
// Real Go's spread (run_oracle.py --real-only --runs 3 --go all under a load average of
// 10–19, 24 more runs under 8.7–9.5, 3 idle CI runs): HeapSys 20.6–20.8 MB on 1.19, 1.22,
// 1.23 and 37.4–37.5 MB on 1.21 in nearly every run, idle or loaded; 16 547 840 on 1.19 in
// 3 runs of 19. Not timing: the runtime with prints in allocSpan/allocToCache/grow
// (engine/heap/README.md, "Heap growth, HeapSys and Sys") shows the first cycle's mark worker
// on the idle P taking the 64-page block right after the B=13 bucket array into its page
// cache, so the B=14 array (442 pages) no longer fits below 8 MiB (2 pages short): 4 MiB
// more; when that worker ran on the program's P, 16.5 MB. gomapsim models the caches:
// 20 742 144 (1.19), 37 519 360 (1.21), 20 709 376 (1.22, 1.23; real 20 676 608–20 709 376),
// 12 320 768 (1.24, 1.25; real 12 288 000–12 320 768). 1.26, 1.27: real 16.4–16.5 MB,
// gomapsim 12.3 (their random heap base, up to 511 pages of padding, is not modelled).
// The tolerance stays one chunk: real Go's own spread on 1.19 and the 1.26+ gap.
// NumGC: 2–4 (1.21, 1.24, 1.25, 1.26; 4 in three idle CI runs), gomapsim 3: ±1. HeapAlloc
// right after the fill depends on whether the last cycle had ended (8.4–10.3 MB on 1.24):
// printed after a GC.
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
