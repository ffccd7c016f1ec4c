// inlined_range_constructor.go — KNOWN GAP: a constructor with a range loop, which gc inlines.
//
// gc 1.19 and 1.24 inline copyMap (go build -gcflags=-m: "can inline copyMap"; the inlined
// make(map) "does not escape"), so its map lives on main's stack: real Go prints
// "inlinable copy 48 3" (1.19; the 48 B were not traced down) and "inlinable copy 0 3"
// (1.24). gomapsim counts only tiny functions without range loops as inlined
// (engine/lang/compiler.cpp: tiny_leaf), so it reports 192 (header + bucket). Counting
// range loops as inlinable also means modelling that gc 1.19 does not apply the clear idiom
// in an inlined copy (clear_in_inlined_func.go). The noinline copy agrees: 192 everywhere.
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
	c := copyMap(src)
	runtime.ReadMemStats(&b)
	fmt.Println("inlinable copy", b.TotalAlloc-a.TotalAlloc, len(c))
	runtime.ReadMemStats(&a)
	d := copyMapNoInline(src)
	runtime.ReadMemStats(&b)
	fmt.Println("noinline copy", b.TotalAlloc-a.TotalAlloc, len(d))
	runtime.KeepAlive(c)
	runtime.KeepAlive(d)
}
