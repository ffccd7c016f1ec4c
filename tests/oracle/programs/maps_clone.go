// maps_clone.go — maps.Clone and maps.Copy (Go 1.21) after deletes.
//
// Deleting keys never shrinks a map; maps.Clone did up to Go 1.24: the runtime's mapclone2
// makes the clone with makemap(len(m)), so it is as small as a fresh copy (on Go 1.24: 2
// tables where the original keeps 128). From Go 1.25 (*Map).Clone copies the directory and
// every table as they are (internal/runtime/maps/map.go Clone, table.clone): the clone keeps
// the 128 tables too (10 289 KB after the original is dropped, as before the clone). maps.Copy
// into a small map grows it like inserts.
// oracle: since go1.21
package main

import (
	"fmt"
	"maps"
	"runtime"
)

func report(step string, m map[int][64]byte) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc %s: Alloc=%d KB %s\n", step, ms.Alloc/1024, mapShape(m))
}

func main() {
	m := make(map[int][64]byte)
	for i := 0; i < 90_000; i++ {
		m[i] = [64]byte{}
	}
	for i := 0; i < 89_000; i++ {
		delete(m, i)
	}
	report("deleted", m)
	c := maps.Clone(m)
	report("cloned, original dropped", c)
	var none map[int][64]byte
	fmt.Println("clone of nil is nil:", maps.Clone(none) == nil)
	d := map[int][64]byte{-1: {1}}
	maps.Copy(d, c)
	report("copied into a small map", d)
	fmt.Println("kept its own entry:", d[-1][0], len(c))
}
