// variadic.go — what a variadic call allocates.
//
// gc packs a variadic call's arguments into a slice literal: on the stack when the
// parameter does not escape ("... argument does not escape"), on the heap when the function
// keeps the slice (24 B for three ints here: one malloc per call). f(xs...) passes xs
// itself, and a call without variadic arguments passes nil.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

func total(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

var kept [][]int

func keep(xs ...int) { kept = append(kept, xs) }

func Count[T comparable](v T, xs ...T) int {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return n
}

type Log struct{ vals []int }

func (l *Log) Add(vals ...int) { l.vals = append(l.vals, vals...) }

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-26s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

func main() {
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	s := 0
	for i := 0; i < 10_000; i++ {
		s += total(i, i, i)
	}
	delta("10000 total(i, i, i)")
	for i := 0; i < 1000; i++ {
		keep(i, i, i)
	}
	delta("1000 keep(i, i, i)")
	xs := []int{1, 2, 3, 2}
	fmt.Println(s, total(), total(xs...), Count(2, xs...), Count("a", "a", "b", "a"), len(kept))
	var l Log
	for i := 0; i < 100; i++ {
		l.Add(i, i+1)
	}
	delta("100 l.Add(i, i+1)")
	fmt.Println(len(l.vals), cap(l.vals))
}
