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
// 12 320 768 (1.24, 1.25; real 12 288 000–12 320 768). 1.26, 1.27 start the heap after a
// random 0–511 pages of padding (mheap.go grow; engine/heap/README.md, "Heap growth"): real
// Go (20 runs each, load 7.8) reads 16 449 536–16 580 608 in 15 of 20 runs on 1.26 and 13 of
// 20 on 1.27, 12 288 000–12 320 768 in the others; a runtime printing its padding (60 runs
// of 1.26) read 12.3 MB only with a padding under 160 pages (8 of the 12 such runs), 16.5
// above. gomapsim draws the padding from the seed: 12 320 768 under 97–100 pages, 16 515 072
// above (5 of seeds 30–60 on 1.27); the default seed 1 pads 84 pages: 12 320 768.
// Judged as two outcomes (`outcomes`, tests/oracle/README.md "Several outcomes") on 1.19 and
// 1.26+: 16 real runs against gomapsim at seeds 1–32, each outcome ±128 KiB (real Go's spread
// within one: 16 449 536–16 580 608). 16 runs on 2026-12-07 (load ~2): 1.26 12.3 MB in 2,
// 1.27 in 4; gomapsim 12.3 MB at 9 of 32 seeds on both. On 1.19 gomapsim never shows the
// 16.5 MB outcome (1 of 16 real runs; 3 of 200 on 2026-12-07 at load 9): rare enough to pass.
// It is not the worker's P alone: a runtime printing its page-cache fills (150 runs) showed
// it only where the program started on P0, its spans 25 pages lower (25 runs), and no cache
// took the block after the B=13 array before the first sweep (1 of 25). gomapsim draws the P0
// start (6 of seeds 1–32) but its program's spans land 15–17 pages lower, not 25, and a cache
// always takes that block: 20.7 MB at every seed (engine/heap/README.md, "Heap growth").
// 1.21–1.25 show one outcome in every run but keep the one-chunk tolerance of "nearly".
// NumGC: 2–4 (1.21, 1.24, 1.25, 1.26; 4 in three idle CI runs), gomapsim 3: ±1. HeapAlloc
// right after the fill depends on whether the last cycle had ended (8.4–10.3 MB on 1.24):
// printed after a GC.
// oracle: unit B
// oracle: tol HeapSys ±4194304
// oracle: go1.19 outcomes HeapSys
// oracle: go1.19 tol HeapSys ±131072
// The 1.26+ frequencies follow the machine's load (the second P's start-up page-cache fill):
// a clean-clone CI on 2026-12-07 at load 2 read 12.3 MB in 11 of 16 runs on 1.27, 5 of 16 at
// load 9 the day before, against gomapsim's fixed 8 of 32 seeds; so on 1.26+ the figure takes
// both outcomes' distance (4 227 072) plus one outcome's spread instead of their frequencies.
// oracle: go1.26+ tol HeapSys ±4358144
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
