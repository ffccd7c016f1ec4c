// copy_fresh.go — shrinking by copying into a fresh map, with and without a hint.
//
// A map[int]int peaks at 150 000 entries, keeps 5 000. Copying the survivors into a fresh map without
// a hint grows it step by step (garbage arrays / tables); with make(..., len(old)) it is sized once.
// After the old map is dropped and a GC runs, only the small map is left. (Seed article 000,
// "recreate the map"; engine/maps/README.md, "Creating a map (classic)", "Creating a map (Swiss)".)
package main

import (
	"fmt"
	"runtime"
)

var cache map[int]int

func main() {
	peak := 150_000
	keep := 5_000
	report("start", "")
	cache = make(map[int]int)
	for i := 0; i < peak; i++ {
		cache[i] = i
	}
	for i := keep; i < peak; i++ {
		delete(cache, i)
	}
	runtime.GC()
	report("after-gc shrunk in place", mapShape(cache))

	plain := make(map[int]int)
	for k, v := range cache {
		plain[k] = v
	}
	report("copied without hint", mapShape(plain))
	sized := make(map[int]int, len(cache))
	for k, v := range cache {
		sized[k] = v
	}
	report("copied with hint", mapShape(sized))
	sum := 0
	for k := range sized {
		sum += k - plain[k]
	}
	fmt.Printf("same contents: diff=%d len=%d\n", sum, len(plain))
	plain = nil
	cache = sized
	runtime.GC()
	report("after-gc old dropped", mapShape(cache))
	runtime.KeepAlive(cache)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
