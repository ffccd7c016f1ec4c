// escape_deltas.go — exact heap bytes of make() and a first insert, by escape and hint.
//
// A map that does not escape keeps its header on the stack; with a constant hint ≤ 8, or a run-time
// hint that turns out ≤ 8, also its first bucket/group (engine/maps/README.md, "Creating a map
// (classic)", "Creating a map (Swiss)"). An escaping map (stored in a global, returned, passed to a
// function that stores it) allocates a 48-byte header and its first bucket/group on the first
// insert. Every delta is the exact TotalAlloc change in bytes, measured before anything is printed;
// the 100-key map's bytes include random overflow buckets (4 776–5 608 B in 3 runs of Go 1.19).
//
// makeAndReturn is marked //go:noinline, so its returned map escapes: inlined, it would stay
// on main's stack (delta 0; tests/oracle/programs/inlining.go).
// oracle: unit B
// oracle: mem bytes
// oracle: nofloor bytes
// oracle: tol bytes 25%
package main

import (
	"fmt"
	"runtime"
)

var global map[int]int
var keep []map[int]int

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

//go:noinline
func makeAndReturn() map[int]int {
	m := make(map[int]int)
	m[1] = 1
	return m
}

func store(m map[int]int) {
	keep = append(keep, m)
}

func localConst() int {
	m := make(map[int]int, 8)
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	return len(m)
}

func localHint(h int) int {
	m := make(map[int]int, h)
	for i := 0; i < h; i++ {
		m[i] = i
	}
	return len(m)
}

func localBig() int {
	m := make(map[int]int)
	for i := 0; i < 100; i++ {
		m[i] = i
	}
	return len(m)
}

func main() {
	keep = make([]map[int]int, 0, 16)

	t0 := totalAlloc()
	n1 := localConst()
	t1 := totalAlloc()
	n2 := localHint(5)
	t2 := totalAlloc()
	n3 := localHint(9)
	t3 := totalAlloc()
	n4 := localBig()
	t4 := totalAlloc()
	global = make(map[int]int)
	t5 := totalAlloc()
	global[1] = 1
	t6 := totalAlloc()
	r := makeAndReturn()
	t7 := totalAlloc()
	s := make(map[int]int, 3)
	s[1] = 1
	store(s)
	t8 := totalAlloc()

	fmt.Printf("local, const hint 8, 8 keys: len=%d delta=%d\n", n1, t1-t0)
	fmt.Printf("local, run-time hint 5, 5 keys: len=%d delta=%d\n", n2, t2-t1)
	fmt.Printf("local, run-time hint 9, 9 keys: len=%d delta=%d\n", n3, t3-t2)
	fmt.Printf("local, no hint, 100 keys: len=%d bytes=%d\n", n4, t4-t3)
	fmt.Printf("global make: delta=%d\n", t5-t4)
	fmt.Printf("global first insert: delta=%d %s\n", t6-t5, mapShape(global))
	fmt.Printf("returned, 1 key: delta=%d len=%d\n", t7-t6, len(r))
	fmt.Printf("stored through a function, 1 key: delta=%d len=%d\n", t8-t7, len(keep))
}
