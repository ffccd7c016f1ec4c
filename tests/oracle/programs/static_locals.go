// static_locals.go — a local defined once from a constant, before and after Go 1.25: what
// boxing it for fmt costs, and where make([]T, n) of it puts the array.
//
// fmt.Println(n) converts n to an interface: convT64 allocates 8 B for an integer of 256 or
// more (runtime/iface.go; smaller ones point into staticuint64s), convTstring 16 B for a
// non-empty string; a constant is boxed as read-only data and costs nothing. From Go 1.25
// escape analysis also replaces a local that is defined once from a constant, never
// reassigned and never &'d by that constant (cmd/compile/internal/escape rewriteArgument,
// ir.ReassignOracle): `n := 1500; fmt.Println(n)` then costs nothing either. Real Go, 2 runs
// per release, all alike: 1.19 and 1.24 read 1 2 3 1 2 2 2 3, 1.25 and 1.27 0 2 1 0 1 2 1 3.
// A Duration's String makes its string on every release (1 malloc, constant or not).
// The same rewrite makes make([]int, n) of such an n a constant-size make: on the stack from
// 1.25 when it does not escape and fits in 64 KiB (ir.MaxImplicitStackVarSize), as
// make([]int, 1000) always was; real Go 1.24 reads 1 2 1 1, 1.25 and 1.27 0 2 0 1.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var a, b runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&b)
	d := b.Mallocs - a.Mallocs
	runtime.ReadMemStats(&a)
	return d
}

func show(label string, n int) {
	fmt.Println(label, n)
}

func main() {
	fmt.Println("start")
	n := 1500
	k := 1500
	k++
	var limit = 5000
	var typed int64 = 70000
	name := "entries"
	d := 1500 * time.Millisecond
	runtime.ReadMemStats(&a)

	fmt.Println(n)
	fmt.Printf("static local: Mallocs=%d\n", mallocs())
	fmt.Println(k)
	fmt.Printf("reassigned local: Mallocs=%d\n", mallocs())
	fmt.Println(limit, typed)
	fmt.Printf("two var-declared statics: Mallocs=%d\n", mallocs())
	fmt.Println(name)
	fmt.Printf("static string: Mallocs=%d\n", mallocs())
	fmt.Println(d)
	fmt.Printf("static Duration (String still makes its text): Mallocs=%d\n", mallocs())
	fmt.Println(time.Second)
	fmt.Printf("constant Duration: Mallocs=%d\n", mallocs())
	var m = map[string]any{}
	m["n"] = n
	m["k"] = k
	fmt.Printf("map[string]any of a static and a reassigned local: Mallocs=%d len=%d\n", mallocs(), len(m))
	for i := 1000; i < 1003; i++ {
		fmt.Println(i)
	}
	fmt.Printf("a loop variable, 3 prints: Mallocs=%d\n", mallocs())

	size := 1000
	grown := 1000
	grown++
	s := make([]int, size)
	s[3] = 4
	fmt.Printf("make([]int, size) of a static size: Mallocs=%d\n", mallocs())
	t := make([]int, grown)
	t[3] = 4
	fmt.Printf("make([]int, grown) of a reassigned size: Mallocs=%d\n", mallocs())
	u := make([]int, 0, size)
	u = append(u, 5)
	fmt.Printf("make([]int, 0, size): Mallocs=%d sum=%d\n", mallocs(), s[3]+t[3]+u[0])
	big := 10000
	v := make([]int, big)
	v[1] = 1
	fmt.Printf("make([]int, big) of a static 80 000 B: Mallocs=%d v[1]=%d\n", mallocs(), v[1])
}
