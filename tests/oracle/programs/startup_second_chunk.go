// startup_second_chunk.go — issue 11: HeapSys and Sys at the start of main, as a reader
// prints them first thing. Go 1.26+ pads the heap's first 4 MiB chunk with a random 0–511
// pages (mheap.go grow, Profile::random_heap_base); when the start-up's spans no longer fit
// beside the padding a second chunk is mapped before main: HeapSys 8 126 464, Sys 12 015 880
// (12 085 880 when the heap starts in its arena's last chunk) instead of 3 932 160 / 7 821 576.
// Where that starts turns on the second P: a runtime printing its allocToCache calls (Go 1.26,
// 400 runs, GOMAXPROCS=2) filled P1's page cache before main in 295 runs, and then mapped the
// second chunk from a padding of 390–414 pages (59 of 295), from 453 in the others (12 of
// 105): 71 of 400 runs in all; unmodified, 72 of 400 runs on 1.26 and 80 of 400 on 1.27
// (2026-12-07, load ~8). gomapsim fills the second P's cache at start-up at seeds drawn with
// that frequency (Profile::startup_idle_pcache, 295/400): a second chunk from 390 pages
// then, from 453 otherwise, at 33 of seeds 1–200 (6 of 1–32). Judged as two outcomes on
// 1.26+ (tests/oracle/README.md, "Several outcomes"); one outcome on the older releases.
// oracle: unit B
// oracle: go1.26+ outcomes HeapSys
// oracle: go1.26+ outcomes Sys
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("HeapSys", ms.HeapSys, "Sys", ms.Sys)
}
