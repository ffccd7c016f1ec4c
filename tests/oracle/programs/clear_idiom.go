// clear_idiom.go — range-delete idiom (mapclear) vs a plain delete loop, with reuse.
//
// Two map[int][128]byte of 45 000 entries. One is emptied with `for k := range m { delete(m, k) }`
// (compiled to mapclear: Go 1.19 drops the overflow buckets and resets noverflow; Go 1.24 zeroes
// every table), the other with delete(m, i) for each key (tombstones / emptied overflow chains
// stay). Both are then refilled with 22 500 new keys, emptied again and refilled again. B / the
// tables never change. (engine/maps/README.md, "Delete (classic)", "mapclear (classic)", "Delete and
// tombstones (Swiss)", "Clear (Swiss)".) Refilling with all 45 000 would make Go 1.24 split a random
// few of the delete-loop map's tables (69–72 tables in 3 runs), so the refills are half size.
package main

import (
	"fmt"
	"runtime"
)

var cleared map[int][128]byte
var looped map[int][128]byte

func main() {
	n := 45_000
	report("start", "")
	cleared = make(map[int][128]byte)
	looped = make(map[int][128]byte)
	for i := 0; i < n; i++ {
		cleared[i] = [128]byte{}
		looped[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc filled", mapShape(cleared)+" "+mapShape(looped))
	lo := 0
	hi := n
	for round := 1; round <= 2; round++ {
		for k := range cleared {
			delete(cleared, k)
		}
		for i := lo; i < hi; i++ {
			delete(looped, i)
		}
		runtime.GC()
		report("after-gc emptied", mapShape(cleared)+" "+mapShape(looped))
		lo = hi
		hi = hi + n/2
		for i := lo; i < hi; i++ {
			cleared[i] = [128]byte{}
			looped[i] = [128]byte{}
		}
		runtime.GC()
		report("after-gc refilled", mapShape(cleared)+" "+mapShape(looped))
	}
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
