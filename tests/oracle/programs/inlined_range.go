// inlined_range.go — a map-copying constructor with a range loop, which gc inlines.
//
// gc 1.19 and 1.24 inline copyMap (go build -gcflags=-m: "can inline copyMap"; the inlined
// make(map) "does not escape"), so the copy lives on main's stack: 0 B; the //go:noinline
// copy allocates its header and bucket, 192 B. gomapsim counts tiny functions with range
// loops as inlined (compiler.cpp tiny_leaf). The first range over src allocates 48 B on Go
// 1.19 (mapextra and the overflow slice header, programs/range_alloc.go), so a first window
// ranges once before the copies are measured.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
)

func copyMap(m map[int]int) map[int]int {
	n := make(map[int]int)
	for k, v := range m {
		n[k] = v
	}
	return n
}

//go:noinline
func copyMapNoInline(m map[int]int) map[int]int {
	n := make(map[int]int)
	for k, v := range m {
		n[k] = v
	}
	return n
}

func main() {
	src := map[int]int{1: 1, 2: 2, 3: 3}
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	s := 0
	for _, v := range src {
		s += v
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("first range: sum=%d delta=%d\n", s, b.TotalAlloc-a.TotalAlloc)
	runtime.ReadMemStats(&a)
	c := copyMap(src)
	runtime.ReadMemStats(&b)
	fmt.Printf("inlinable copy: delta=%d len=%d\n", b.TotalAlloc-a.TotalAlloc, len(c))
	runtime.ReadMemStats(&a)
	d := copyMapNoInline(src)
	runtime.ReadMemStats(&b)
	fmt.Printf("noinline copy: delta=%d len=%d\n", b.TotalAlloc-a.TotalAlloc, len(d))
	runtime.KeepAlive(c)
	runtime.KeepAlive(d)
}
