// small_map_shapes.go — shapes at the small-map boundaries (exact counts only).
//
// A nil map, an empty map, 8 entries, an overwrite of an existing key in the 8-entry map (Go
// 1.24.4 turns the small map into a table even then: engine/maps/README.md, "Small map
// (Swiss)"), the 9th key, and the first doublings / splits: 13 → 14 (classic B 1 → 2), 26 → 27
// (B 2 → 3), 832 → 833 (B 7 → 8) and 896 → 897 (first Swiss split into 2 tables).
package main

import (
	"fmt"
	"runtime"
)

var m map[int]int

func main() {
	fmt.Printf("nil: %s len=%d\n", mapShape(m), len(m))
	m = make(map[int]int)
	fmt.Printf("empty: %s\n", mapShape(m))
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	fmt.Printf("8 keys: %s\n", mapShape(m))
	m[3] = 33
	fmt.Printf("8 keys, overwrite: %s m[3]=%d\n", mapShape(m), m[3])
	m[8] = 8
	fmt.Printf("9 keys: %s\n", mapShape(m))
	marks := []int{13, 14, 26, 27, 832, 833, 896, 897}
	next := 9
	for _, target := range marks {
		for ; next < target; next++ {
			m[next] = next
		}
		fmt.Printf("%d keys: %s\n", target, mapShape(m))
	}
	runtime.KeepAlive(m)
}
