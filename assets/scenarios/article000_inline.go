// article000_inline.go — "Go maps and memory leaks" (seed article 000), the program as printed.
//
// One million int keys with 128-byte array values stored inline in the buckets
// (map[int][128]byte), then every key deleted and a forced GC. The map never shrinks: after
// the deletes it still holds all its buckets (Go 1.19: B = 18, 278 528 buckets of 1104 B =
// 300 288 KB), so Alloc falls only by the garbage of the growth, not to zero.
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (Alloc/1024; 3 runs, a/b = values that
// differed between runs):
//
//	Go 1.19.8: 41/43 KB → 472339/472289/472414 KB → 300370/300372 KB
//	Go 1.24.4: 47 KB → 351932/354524/355101 KB → 294464/293600 KB
//
// The article (older Go, macOS) printed 0 / 461 / 293 MB.
//
// Output lines: 1 empty map, 2 after 1M inserts, 3 after deleting all + runtime.GC().
// oracle: after-gc lines 3
// Go 1.24's line 2 depends on when the last automatic GC fell inside the final wave of table splits
// (engine/maps/README.md, "1M on Go 1.24, inline values"): 302 386–374 401 KB in 10 runs (24 %): 30 %.
// oracle: go1.24+ tol KB 30% lines 2
// playground: go1.19 (the web playground opens it on the release of the article's figures)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 1_000_000
	m := make(map[int][128]byte)
	printAlloc()

	for i := 0; i < n; i++ { // Adds 1 million elements
		m[i] = [128]byte{}
	}
	printAlloc()

	for i := 0; i < n; i++ { // Deletes 1 million elements
		delete(m, i)
	}

	runtime.GC() // Triggers a manual GC
	printAlloc()
	runtime.KeepAlive(m) // Keeps a reference to m so that the map isn't collected
}

func printAlloc() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%d KB\n", m.Alloc/1024)
}
