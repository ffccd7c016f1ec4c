// nested_maps.go — a map of maps: every inner map is its own header + buckets.
//
// map[int]map[int]int: 2 000 outer keys, each inner map filled with 20 entries (classic B = 2, Swiss one
// table of 32 slots), then half of the inner maps deleted from the outer map, then the remaining inner
// maps emptied. The outer map's buckets stay; deleted inner maps are freed by the GC; emptied inner maps
// keep their buckets. (engine/maps/README.md, "Creating a map (classic)", "Small map (Swiss)".)
package main

import (
	"fmt"
	"runtime"
)

var outer map[int]map[int]int

func main() {
	n := 2_000
	inner := 20
	report("start", "")
	outer = make(map[int]map[int]int)
	for i := 0; i < n; i++ {
		m := make(map[int]int)
		for j := 0; j < inner; j++ {
			m[j] = i + j
		}
		outer[i] = m
	}
	runtime.GC()
	report("after-gc filled", mapShape(outer)+" "+mapShape(outer[0]))
	for i := 0; i < n; i += 2 {
		delete(outer, i)
	}
	runtime.GC()
	report("after-gc half the inner maps deleted", mapShape(outer))
	for i := 1; i < n; i += 2 {
		for j := 0; j < inner; j++ {
			delete(outer[i], j)
		}
	}
	runtime.GC()
	report("after-gc inner maps emptied", mapShape(outer)+" "+mapShape(outer[1]))
	total := 0
	for _, m := range outer {
		total += len(m)
	}
	fmt.Printf("entries left=%d\n", total)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
