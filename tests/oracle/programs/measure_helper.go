// measure_helper.go — the measuring helper blog posts write: measure("step", func() { … }).
//
// A function with a function-typed parameter that only calls it: gc keeps the closure on
// the stack, and the literal reaches the caller's variables by reference (grid, total).
// gomapsim expands measure at each call with the literal bound to f. The range-delete idiom
// in a literal handed to measure is a closure of its own for gc, not an inlined copy, so
// Go 1.19 turns it into mapclear there (the overflow buckets go: −118 to −127 KB over runs).
// The delta is taken in bytes, then shown in KB: the last cycle of a step also frees fmt's
// printer from the previous line (sync.Pool's victim cache: 520–552 B, which gomapsim does
// not model), and HeapAlloc/1024 − HeapAlloc/1024 turned that into −1 KB or +0 KB depending on
// where the heap stood (Go 1.26 and 1.27: −1, 1.25: +0).
// oracle: mem delta
package main

import (
	"fmt"
	"runtime"
)

type Point struct{ X, Y int }

var before runtime.MemStats

func measure(label string, f func()) uint64 {
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	delta := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / 1024
	fmt.Printf("after-gc %s: delta=%+d KB\n", label, delta)
	return after.HeapAlloc / 1024
}

func apply(m map[int]int, n int, op func(k int) int) int {
	sum := 0
	for k := 0; k < n; k++ {
		m[k] = op(k)
		sum += m[k]
	}
	return sum
}

func main() {
	cells := map[Point]uint8{}
	names := map[string]*Point{}
	total := 0
	measure("fill", func() {
		for x := 0; x < 300; x++ {
			for y := 0; y < 300; y++ {
				cells[Point{x, y}] = uint8((x + y) % 256)
				total++
			}
		}
	})
	measure("names", func() {
		for i := 0; i < 5000; i++ {
			p := Point{i, -i}
			names[fmt.Sprint("p", i)] = &p
		}
	})
	measure("clear", func() {
		for k := range cells {
			delete(cells, k)
		}
	})
	squares := make(map[int]int)
	sum := apply(squares, 1000, func(k int) int { return k * k })
	fmt.Println("cells:", len(cells), "names:", len(names), "total:", total, "sum:", sum, names["p42"].Y)
	runtime.KeepAlive(cells)
}
