// idiom_variants.go — which loops the compiler turns into mapclear.
//
// Only exactly `for k := range m { delete(m, k) }` becomes one mapclear call (engine/maps/README.md,
// "mapclear (classic)"): a value variable (`k, _`), a second statement in the body, or a key declared
// outside the loop make it a plain delete loop. Visible on Go 1.19, where mapclear drops the overflow
// buckets (≈ 1.9 MB for 90 000 map[int][128]byte) and a delete loop keeps them; on Go 1.24 every
// variant keeps all tables. Also: the capacity append gives a []map[int]int of 1 000 (1.19: 1 280;
// 1.24: 1 023, malloc header: engine/heap/README.md, "Size to class", "Slice growth (growslice)").
package main

import (
	"fmt"
	"runtime"
)

func fill(m map[int][128]byte, n int) {
	for i := 0; i < n; i++ {
		m[i] = [128]byte{}
	}
}

func alloc() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Alloc / 1024
}

func main() {
	n := 90_000
	a := make(map[int][128]byte)
	fill(a, n)
	before := alloc()
	for k := range a {
		delete(a, k)
	}
	after := alloc()
	fmt.Printf("after-gc idiom: filled Alloc=%d KB, emptied Alloc=%d KB\n", before, after)
	runtime.KeepAlive(a)
	a = nil

	b := make(map[int][128]byte)
	fill(b, n)
	before = alloc()
	for k, _ := range b {
		delete(b, k)
	}
	after = alloc()
	fmt.Printf("after-gc k, _ idiom: filled Alloc=%d KB, emptied Alloc=%d KB\n", before, after)
	runtime.KeepAlive(b)
	b = nil

	c := make(map[int][128]byte)
	fill(c, n)
	before = alloc()
	count := 0
	for k := range c {
		delete(c, k)
		count++
	}
	after = alloc()
	fmt.Printf("after-gc two statements: filled Alloc=%d KB, emptied Alloc=%d KB count=%d\n", before, after, count)
	runtime.KeepAlive(c)
	c = nil

	d := make(map[int][128]byte)
	fill(d, n)
	before = alloc()
	var k int
	for k = range d {
		delete(d, k)
	}
	after = alloc()
	fmt.Printf("after-gc k declared outside: filled Alloc=%d KB, emptied Alloc=%d KB\n", before, after)
	runtime.KeepAlive(d)

	var s []map[int]int
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t0 := ms.TotalAlloc
	for i := 0; i < 1000; i++ {
		s = append(s, nil)
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("append 1000 nil maps: delta=%d len=%d cap=%d\n", ms.TotalAlloc-t0, len(s), cap(s))
}
