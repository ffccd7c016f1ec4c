// inlined_static_args.go — a constant passed to a function gc inlines, before and after
// Go 1.25: where make([]T, n) of the parameter puts the array, and what boxing it costs.
//
// gc inlines mk(10) into main: its parameter n becomes a local of main defined once from
// the argument (noder/reader.go inlCall). From Go 1.25 escape analysis replaces such a local
// by its constant (escape/escape.go rewriteWithLiterals, ir.ReassignOracle.StaticValue), so
// the make has a constant size and stays on the stack when it does not escape and fits in
// 64 KiB, and m[k] = v of a constant v boxes nothing. Up to 1.24 each is a malloc. A
// parameter the function reassigns, an argument that is no constant, a make that escapes,
// one over 64 KiB, or a function gc does not inline keep the malloc on every release.
// Real Go, 2 runs per release, all alike: 1.19–1.24 read 1 1 1 1 1 1 1 1 1 1,
// 1.25–1.27 0 0 0 1 1 1 1 0 1 1.
package main

import (
	"fmt"
	"runtime"
)

var a, b runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&b)
	d := b.Mallocs - a.Mallocs
	runtime.ReadMemStats(&a)
	return d
}

func mk(n int) []int { return make([]int, n) }

func mkcap(n int) []int { return make([]int, 0, n) }

func grow(n int) []int {
	n++
	return make([]int, n)
}

//go:noinline
func mkNoinline(n int) []int { return make([]int, n) }

func put(m map[string]any, k string, v int) { m[k] = v }

var kept []int

func main() {
	var r [10]uint64
	m := map[string]any{}
	fmt.Println("start", len(m))
	runtime.ReadMemStats(&a)
	s := mk(10)
	s[2] = 3
	r[0] = mallocs()
	size := 100
	t := mk(size)
	t[2] = 3
	r[1] = mallocs()
	u := mkcap(20)
	u = append(u, 1)
	r[2] = mallocs()
	v := grow(10)
	v[1] = 2
	r[3] = mallocs()
	w := mk(10000)
	w[1] = 2
	r[4] = mallocs()
	x := 7
	x++
	y := mk(x)
	y[1] = 2
	r[5] = mallocs()
	z := mkNoinline(10)
	z[1] = 2
	r[6] = mallocs()
	put(m, "a", 1500)
	r[7] = mallocs()
	put(m, "b", x+1500)
	r[8] = mallocs()
	kept = mk(10)
	r[9] = mallocs()
	fmt.Println("mk(10):", r[0])
	fmt.Println("mk(size) of a static local:", r[1])
	fmt.Println("mkcap(20), the constant as capacity:", r[2])
	fmt.Println("grow(10), the parameter reassigned:", r[3])
	fmt.Println("mk(10000), 80 000 B:", r[4])
	fmt.Println("mk(x) of a reassigned local:", r[5])
	fmt.Println("mkNoinline(10):", r[6])
	fmt.Println("put(m, \"a\", 1500):", r[7])
	fmt.Println("put(m, \"b\", x+1500):", r[8])
	fmt.Println("kept = mk(10), escaping:", r[9])
	fmt.Println(s[2]+t[2]+u[0]+v[1]+w[1]+y[1]+z[1], len(m), len(kept))
}
