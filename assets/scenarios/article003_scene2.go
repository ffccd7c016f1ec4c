// article003_scene2.go — seed article 003, scene 2 (program as printed):
// global map, keys deleted, then intMap = nil: the last GC frees the buckets.
//
// Seed article 003 deletes every key of a map[int]int with 8192 entries (make with hint
// 8192: Go 1.19 B = 11, one 319 488-B bucket array; Go 1.24 16 tables of 1024 slots) and
// prints runtime.MemStats in KB after each step. Deleting keys frees nothing; only dropping the
// last reference to the map lets the GC take the buckets.
//
// Output lines: 1 start, 2 after initMap + GC, 3–4 len before/after the deletes, 5–6 after GC.
// oracle: after-gc lines 2,5,6
// oracle: go1.26+ tol Sys 40%
//
// Go 1.26+ randomize the heap's base (GOEXPERIMENT randomizedheapbase64: runtime/mheap.go
// grow marks 0–511 random pages of the first 4 MiB chunk as padding). When the padding
// leaves too little room, the heap maps a second chunk: Sys 11 734–12 134 KB instead of
// 7 382–8 038 (article003_scene1, 40 runs: 13 on 1.26.10, 9 on 1.27.3), at start or once the
// map is made. gomapsim keeps the usual outcome (no padding), so Sys is compared within 40 %
// on 1.26+, which both outcomes meet.
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; log timestamps left
// out; 3 runs, a/b = values that differed between runs):
//
//	Go 1.19.8:
//	  Alloc = 41 TotalAlloc = 41 Sys = 12143 NumGC = 0
//	  Alloc = 355 TotalAlloc = 357/356 Sys = 12719 NumGC = 1
//	  8192
//	  0
//	  Alloc = 355 TotalAlloc = 357 Sys = 12783 NumGC = 2
//	  Alloc = 42 TotalAlloc = 358 Sys = 12783 NumGC = 3
//	Go 1.24.4:
//	  Alloc = 47 TotalAlloc = 47 Sys = 6231 NumGC = 0
//	  Alloc = 336 TotalAlloc = 338 Sys = 6295/6551 NumGC = 1
//	  8192
//	  0
//	  Alloc = 336 TotalAlloc = 339/340 Sys = 6359/6615 NumGC = 2
//	  Alloc = 47 TotalAlloc = 339/341/340 Sys = 6359/6615 NumGC = 3
// playground: go1.19 (the web playground opens it on the release of the article's figures)
package main

import (
	"log"
	"runtime"
)

var intMap map[int]int
var cnt = 8192

func main() {
	printMemStats()
	initMap()
	runtime.GC()
	printMemStats()
	log.Println(len(intMap))
	for i := 0; i < cnt; i++ {
		delete(intMap, i)
	}
	log.Println(len(intMap))
	runtime.GC()
	printMemStats()
	intMap = nil
	runtime.GC()
	printMemStats()
}
func initMap() {
	intMap = make(map[int]int, cnt)
	for i := 0; i < cnt; i++ {
		intMap[i] = i
	}
}
func printMemStats() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	log.Printf("Alloc = %v TotalAlloc = %v Sys = %v NumGC = %v\n", m.Alloc/1024, m.TotalAlloc/1024, m.Sys/1024, m.NumGC)
}
