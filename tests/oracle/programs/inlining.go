// inlining.go — tiny functions gc inlines: what they return lives or dies with the caller.
//
// gc inlines a small function at each call site, and escape analysis then sees its body in
// the caller: a map or struct it returns stays on the caller's stack unless the caller lets
// it escape (compiler.cpp: tiny_leaf, inline_results). newCounts is called twice, once
// keeping its map on main's stack and once storing it in a global: the same function, one
// stack and one heap allocation, as gc's two inlined copies. //go:noinline turns it off. The
// 100-key map's bytes include random overflow buckets (2 760 / 2 936 / 3 080 B across runs
// of Go 1.19, by hash seed; gomapsim's seeds give the same three). Real Go 1.19 and 1.24:
//   0 / 0 / 2760–3080 (1.24: 2344) / 192 / 192 / 0.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
// oracle: tol delta 25% lines 3
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

type Cache struct {
	entries map[int]int
	hits    int
}

var kept map[int]int

func newCounts() map[int]int {
	return make(map[int]int)
}

func newCache() *Cache {
	return &Cache{entries: make(map[int]int)}
}

func newSized(n int) map[int]int {
	m := make(map[int]int, n)
	return m
}

//go:noinline
func newCountsNoInline() map[int]int {
	return make(map[int]int)
}

func filled(n int) map[int]int {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return m
}

func main() {
	t0 := totalAlloc()
	m := newCounts()
	for i := 0; i < 5; i++ {
		m[i] = i
	}
	t1 := totalAlloc()
	fmt.Printf("inlined constructor, 5 keys: delta=%d len=%d\n", t1-t0, len(m))

	t0 = totalAlloc()
	c := newCache()
	for i := 0; i < 5; i++ {
		c.entries[i] = i
	}
	t1 = totalAlloc()
	fmt.Printf("inlined &struct constructor: delta=%d len=%d\n", t1-t0, len(c.entries))

	t0 = totalAlloc()
	s := newSized(100)
	for i := 0; i < 100; i++ {
		s[i] = i
	}
	t1 = totalAlloc()
	fmt.Printf("inlined sized constructor, 100 keys: delta=%d len=%d\n", t1-t0, len(s))

	t0 = totalAlloc()
	kept = newCounts()
	kept[1] = 1
	t1 = totalAlloc()
	fmt.Printf("inlined, result stored in a global: delta=%d\n", t1-t0)

	t0 = totalAlloc()
	n := newCountsNoInline()
	n[1] = 1
	t1 = totalAlloc()
	fmt.Printf("noinline constructor: delta=%d\n", t1-t0)

	t0 = totalAlloc()
	f := filled(5)
	t1 = totalAlloc()
	fmt.Printf("constructor with a loop, 5 keys: delta=%d len=%d\n", t1-t0, len(f))
	runtime.KeepAlive(m)
	runtime.KeepAlive(c)
	runtime.KeepAlive(s)
	runtime.KeepAlive(n)
	runtime.KeepAlive(f)
}
