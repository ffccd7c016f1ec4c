// A set of 100 000 ints, three ways: map[int]struct{}, map[int]bool and, for comparison,
// map[int]int. What does one entry cost?
package main

import (
	"fmt"
	"runtime"
)

const n = 100_000

var (
	empty map[int]struct{}
	bools map[int]bool
	ints  map[int]int
)

func main() {
	before := alloc()
	empty = make(map[int]struct{})
	for i := 0; i < n; i++ {
		empty[i] = struct{}{}
	}
	report("map[int]struct{}", before)
	empty = nil

	before = alloc()
	bools = make(map[int]bool)
	for i := 0; i < n; i++ {
		bools[i] = true
	}
	report("map[int]bool", before)
	bools = nil

	before = alloc()
	ints = make(map[int]int)
	for i := 0; i < n; i++ {
		ints[i] = i
	}
	report("map[int]int", before)
}

// alloc is the live heap in bytes after a GC.
func alloc() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.Alloc
}

func report(kind string, before uint64) {
	grown := alloc() - before
	fmt.Printf("after-gc %s: +%d KB, per entry: %d bytes\n", kind, grown/1024, grown/n)
}
