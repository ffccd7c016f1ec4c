// loop_escape.go — an allocation made in a loop and kept in a variable declared outside it
// lives on the heap, on every release: the next iteration makes another while this one is
// still reachable (cmd/compile/internal/escape/solve.go, outlives: "l was declared outside
// other's loop scope"). A linked list built as head = &node{next: head}, the last of
// several made in the loop, a make kept after the loop: each a malloc per iteration. What
// stays inside one iteration (p := &T{}; copied out by value; a make only indexed) stays
// on the stack.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	v    [48]byte
}

type pair struct{ a, b int }

var ms runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func main() {
	before := mallocs()
	var head *node
	for i := 0; i < 1000; i++ {
		head = &node{next: head}
	}
	n := 0
	for p := head; p != nil; p = p.next {
		n++
	}
	fmt.Printf("linked list of %d: Mallocs %d\n", n, mallocs()-before)

	before = mallocs()
	var last *pair
	for i := 0; i < 100; i++ {
		p := &pair{a: i}
		q := p
		last = q
	}
	fmt.Printf("last of 100 kept: Mallocs %d (%d)\n", mallocs()-before, last.a)

	before = mallocs()
	var total pair
	sum := 0
	for i := 0; i < 100; i++ {
		p := &pair{a: i}
		total = *p
		sum += p.a
	}
	fmt.Printf("copied out by value: Mallocs %d (%d %d)\n", mallocs()-before, total.a, sum)

	before = mallocs()
	for i := 0; i < 100; i++ {
		s := make([]int, 4)
		s[0] = i
		sum += s[0]
	}
	fmt.Printf("make used in its iteration: Mallocs %d (%d)\n", mallocs()-before, sum)

	before = mallocs()
	var keep []int
	for i := 0; i < 100; i++ {
		keep = make([]int, 4)
		keep[0] = i
	}
	fmt.Printf("make kept after the loop: Mallocs %d (%d)\n", mallocs()-before, keep[0])
}
