// sync_map_clear.go — sync.Map.Clear (Go 1.23+) after 50 000 keys, then a refill.
//
// Go 1.23 (sync/map.go): Clear stores an empty readOnly and clear()s the dirty map, which
// keeps its buckets; the map that read held is garbage at the next GC unless dirty is it.
// From Go 1.24 Clear replaces the trie's root with a new indirect node (160 B): the whole
// old trie is garbage.
// Tolerances: HeapObjects, Mallocs and Frees within 0.3 % (real Go's runs differ by up to
// 0.2 % from Go 1.24 on: each run's hash seed gives the trie another shape); a count of the
// runtime's own ~80 objects within ±16.
// oracle: tol HeapObjects 0.3%
// oracle: tol Mallocs 0.3%
// oracle: tol Frees 0.3%
// oracle: since go1.23
// oracle: tol HeapObjects ±16 lines 2,5
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc %s: HeapAlloc=%d KB HeapObjects=%d\n", step, ms.HeapAlloc/1024, ms.HeapObjects)
}

var m sync.Map

func main() {
	const n = 50_000
	for i := 0; i < n; i++ {
		m.Store(i, i+1000)
	}
	report("filled")
	m.Clear()
	report("cleared")
	_, ok := m.Load(7)
	fmt.Println("found after Clear:", ok)
	for i := 0; i < n; i++ {
		m.Store(i, i+1000)
	}
	report("refilled")
	for i := 0; i < n; i++ {
		m.Load(i)
	}
	m.Clear()
	report("promoted, cleared")
}
