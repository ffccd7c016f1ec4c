// small_types.go — bucket/group sizes for small key and value types.
//
// 90 000 entries each in map[int]struct{} (a set), map[int32]int32 and map[byte]byte (at most 256 keys),
// measured one map at a time with the exact bytes of make + fill in TotalAlloc. Classic buckets: 80, 80
// and 32 B; Swiss groups: 136, 72 and 24 B (engine/maps/README.md, "Bucket layout and size (classic)",
// "Group layout and size (Swiss)"). Fill bytes include random overflow buckets on 1.19: memory figures.
// oracle: unit B
// oracle: mem bytes
package main

import (
	"fmt"
	"runtime"
)

var set map[int]struct{}
var pairs map[int32]int32
var tiny map[byte]byte

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func main() {
	n := 90_000
	before := totalAlloc()
	set = make(map[int]struct{})
	for i := 0; i < n; i++ {
		set[i] = struct{}{}
	}
	fmt.Printf("map[int]struct{}: bytes=%d %s\n", totalAlloc()-before, mapShape(set))

	before = totalAlloc()
	pairs = make(map[int32]int32)
	for i := 0; i < n; i++ {
		pairs[int32(i)] = int32(i)
	}
	fmt.Printf("map[int32]int32: bytes=%d %s\n", totalAlloc()-before, mapShape(pairs))

	before = totalAlloc()
	tiny = make(map[byte]byte)
	for i := 0; i < n; i++ {
		tiny[byte(i)] = byte(i)
	}
	fmt.Printf("map[byte]byte: bytes=%d %s\n", totalAlloc()-before, mapShape(tiny))

	set = nil
	pairs = nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc only tiny left: Alloc=%d KB\n", ms.Alloc/1024)
	runtime.KeepAlive(tiny)
}
