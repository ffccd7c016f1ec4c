// inline_return.go — KNOWN GAP: a map returned by a small function that real Go inlines.
//
// gc inlines newCounts into main, so the returned map does not escape: its header and first
// bucket/group live on main's stack and the 5 inserts allocate nothing (real Go 1.19 and 1.24:
// delta=0). gomapsim does not model inlining and treats a returned map as escaping
// (engine/lang/compiler.h), so it reports a heap header + bucket (delta=192). With
// //go:noinline on newCounts both agree on 192 (tests/oracle/programs/escape_deltas.go).
package main

import (
	"fmt"
	"runtime"
)

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func newCounts() map[int]int {
	return make(map[int]int)
}

func main() {
	t0 := totalAlloc()
	m := newCounts()
	for i := 0; i < 5; i++ {
		m[i] = i
	}
	t1 := totalAlloc()
	fmt.Printf("inlined constructor, 5 keys: delta=%d len=%d\n", t1-t0, len(m))
}
