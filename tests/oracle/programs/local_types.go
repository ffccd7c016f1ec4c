// local_types.go — type declarations inside a function body, as readers write them: a
// struct for a map's values, a slice type, a recursive node type, a group `type ( … )`, and a
// local type shadowing a package type of the same name (the package type keeps its methods;
// the local one has none). A local type is a type like any other for maps and the heap: a
// map of 1 000 local structs sizes its buckets by the struct, a list of local nodes linked
// into a variable outside the loop goes to the heap (100 mallocs of 16 B). %T prints
// `main.point` for a local type as for a package one.
// On the classic maps (up to Go 1.23) the two maps' overflow buckets depend on the hash
// seed: real Go 1.19 read 6–11 mallocs for `squares` and 8–10 for `table` over runs (the
// same with package-level types), gomapsim 6 and 9.
// oracle: go1.19 tol mallocs ±5 lines 9,11
// oracle: go1.21 tol mallocs ±5 lines 9,11
// oracle: go1.22 tol mallocs ±5 lines 9,11
// oracle: go1.23 tol mallocs ±5 lines 9,11
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-12s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

type point struct{ name string }

func (p point) Len() int { return len(p.name) }

// squares keeps its map in a local struct type.
func squares(n int) map[int]any {
	type pair struct {
		k, v int
	}
	m := make(map[int]pair, n)
	for i := 0; i < n; i++ {
		m[i] = pair{i, i * i}
	}
	out := map[int]any{0: len(m), 1: m[3].v}
	return out
}

func main() {
	fmt.Println("package point", point{"abc"}.Len())
	type point struct{ x, y int }
	type ids []int
	p := point{1, 2}
	fmt.Printf("%T %v %+v\n", p, p, p)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	var xs ids
	for i := 0; i < 1000; i++ {
		xs = append(xs, i)
	}
	fmt.Printf("%T len=%d cap=%d\n", xs, len(xs), cap(xs))
	delta("ids")
	{
		type point string
		var q point = "inner"
		fmt.Printf("%T %v\n", q, q)
	}
	type node struct {
		next *node
		v    int
	}
	var head *node
	for i := 0; i < 100; i++ {
		head = &node{head, i}
	}
	n := 0
	for x := head; x != nil; x = x.next {
		n++
	}
	fmt.Println("nodes", n)
	delta("nodes")
	type (
		key   [2]int
		table map[key]point
	)
	t := make(table, 1000)
	for i := 0; i < 1000; i++ {
		t[key{i, i}] = point{i, -i}
	}
	fmt.Printf("%T len=%d\n", t, len(t))
	delta("table")
	r := squares(1000)
	fmt.Println("squares", r[0], r[1])
	delta("squares")
	runtime.KeepAlive(t)
	runtime.KeepAlive(head)
}
