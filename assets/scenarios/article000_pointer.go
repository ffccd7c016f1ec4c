// article000_pointer.go — seed article 000's alternative: pointer values, map[int]*[128]byte.
//
// The same steps as article000_inline.go, but each bucket slot holds an 8-byte pointer and
// every value is a separate 128-byte heap object (`&[128]byte{}` per insert). The buckets
// still never shrink, but they are small (Go 1.19: 278 528 × 144 B = 39 168 KB at B = 18), and
// deleting a key nils the pointer, so the GC frees the 1M value objects.
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (Alloc/1024; 3 runs, a/b = values that
// differed between runs):
//
//	Go 1.19.8: 41 KB → 186471/186482/186506 KB → 39210 KB
//	Go 1.24.4: 47 KB → 180321/167654/180429 KB → 36920/36812/36975 KB
//
// The article (older Go, macOS) printed 0 / 182 / 38 MB.
//
// Output lines: 1 empty map, 2 after 1M inserts, 3 after deleting all + runtime.GC().
// oracle: after-gc lines 3
// playground: go1.19 (the web playground opens it on the release of the article's figures)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 1_000_000
	m := make(map[int]*[128]byte)
	printAlloc()

	for i := 0; i < n; i++ { // Adds 1 million elements
		m[i] = &[128]byte{}
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
