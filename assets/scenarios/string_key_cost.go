// The same 100 000 users keyed by their ID as an int and as a string ("user-12345"):
// what does a string key cost per entry?
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

const n = 100_000

var (
	byID   map[int]int
	byName map[string]int
)

func main() {
	before := alloc()
	byID = make(map[int]int)
	for i := 0; i < n; i++ {
		byID[i] = i
	}
	report("map[int]int", before)
	byID = nil

	before = alloc()
	byName = make(map[string]int)
	for i := 0; i < n; i++ {
		byName["user-"+strconv.Itoa(i)] = i
	}
	report("map[string]int", before)
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
