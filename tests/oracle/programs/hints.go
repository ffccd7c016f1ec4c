// hints.go — make() with a hint: bytes allocated by make and by filling to the hint.
//
// A package-level map (so the header is on the heap: 48 B) made with hints around the thresholds
// of engine/maps/README.md, "Creating a map (classic)" (B per hint, preallocated overflow
// buckets) and "Creating a map (Swiss)" (hint·8/7 slots, tables of ≤ 1024 slots, the 897 quirk).
// makeDelta is the exact TotalAlloc change of make; fillDelta the change while inserting `hint`
// keys (includes random overflow buckets in Go 1.19, so it is a memory figure).
// oracle: unit B
// oracle: mem fillDelta
package main

import (
	"fmt"
	"runtime"
)

var m map[int]int

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func main() {
	hints := []int{0, 8, 9, 13, 14, 53, 100, 896, 897, 1000, 10_000}
	for _, h := range hints {
		before := totalAlloc()
		m = make(map[int]int, h)
		made := totalAlloc()
		for i := 0; i < h; i++ {
			m[i] = i
		}
		filled := totalAlloc()
		fmt.Printf("hint=%d makeDelta=%d fillDelta=%d %s\n", h, made-before, filled-made, mapShape(m))
	}
}
