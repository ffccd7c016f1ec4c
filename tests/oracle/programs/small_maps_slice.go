// small_maps_slice.go — many small maps: per-map overhead dominates.
//
// A slice of 10 000 map[int]int, each given 5 entries, then 8, then 9. Each map is a heap header
// (48 B) plus one bucket/group (144 B) while it holds ≤ 8 entries; the 9th key doubles a classic
// map (B = 1: two buckets, 288 B) and turns a Swiss small map into a table (32 + 288 + 8 B; the old
// group is garbage). (engine/maps/README.md, "Growth triggers (classic)", "Small map (Swiss)".)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	count := 10_000
	report("start", "")
	maps := make([]map[int]int, count)
	for j := 0; j < count; j++ {
		maps[j] = make(map[int]int)
	}
	runtime.GC()
	report("after-gc empty maps", mapShape(maps[0]))
	for j := 0; j < count; j++ {
		for i := 0; i < 5; i++ {
			maps[j][i] = i
		}
	}
	runtime.GC()
	report("after-gc 5 each", mapShape(maps[0]))
	for j := 0; j < count; j++ {
		for i := 5; i < 8; i++ {
			maps[j][i] = i
		}
	}
	runtime.GC()
	report("after-gc 8 each", mapShape(maps[0]))
	for j := 0; j < count; j++ {
		maps[j][8] = 8
	}
	runtime.GC()
	report("after-gc 9 each", mapShape(maps[count-1]))
	maps = maps[:count/2]
	runtime.GC()
	report("after-gc half resliced", mapShape(maps[0]))
	maps = nil
	runtime.GC()
	report("after-gc slice dropped", "")
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
