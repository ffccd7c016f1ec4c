// Three caches of 100 000 entries each, emptied three ways: copy the survivors into a new
// map, set the variable to nil, or clear(m). Which gives the memory back?
package main

import (
	"fmt"
	"runtime"
)

var a, b, c map[int][64]byte

func fill(n int) map[int][64]byte {
	m := make(map[int][64]byte)
	for i := 0; i < n; i++ {
		m[i] = [64]byte{}
	}
	return m
}

func main() {
	n := 100_000
	report("start")
	a, b, c = fill(n), fill(n), fill(n)
	report("after-gc three full maps")

	// a: keep 1 000 entries, copied into a map sized for them
	small := make(map[int][64]byte, 1000)
	for i := 0; i < 1000; i++ {
		small[i] = a[i]
	}
	a = small
	report("after-gc a copied")

	b = nil
	report("after-gc b = nil")

	clear(c)
	report("after-gc clear(c)")
	fmt.Println("entries left:", len(a), len(b), len(c))
}

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB\n", step, ms.Alloc/1024)
}
