// static_func_values.go — calls through a local func variable whose value gc knows.
//
// A local assigned once from a function's name (`f := sum`, `var g = sum`, `var h
// func(...int) int = sum`) and never reassigned or &'d has that function as its static value
// (cmd/compile/internal/ir.StaticValue): gc calls it directly and inlines it, so the packed
// []int of `f(i, i, i)` and a `&T{…}` argument stay on the stack (0 B on every release),
// where a call through a value gc cannot resolve lets them escape (24 B and 16 B a call).
// Go 1.27 also resolves a variable reassigned only from function names (escape/call.go
// resolveAssignedCallees): its arguments flow to every such callee's parameters, a function
// literal's included.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func product(nums ...int) int {
	p := 1
	for _, n := range nums {
		p *= n
	}
	return p
}

type T struct{ a, b int }

func area(p *T) int  { return p.a * p.b }
func perim(p *T) int { return 2 * (p.a + p.b) }

var kept []*T

func keep(p *T) int {
	kept = append(kept, p)
	return len(kept)
}

func add(a, b int) int { return a + b }

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-34s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

func main() {
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	s := 0
	f := sum
	for i := 0; i < 1000; i++ {
		s += f(i, i, i)
	}
	delta("f := sum; f(i, i, i)")
	var g = sum
	for i := 0; i < 1000; i++ {
		xs := []int{i, i, i}
		s += g(xs...)
	}
	delta("var g = sum; g(xs...)")
	var h func(...int) int = product
	for i := 0; i < 1000; i++ {
		s += h(i, 2)
	}
	delta("var h func(...int) int = product")
	k := area
	for i := 0; i < 1000; i++ {
		s += k(&T{i, i})
	}
	delta("k := area; k(&T{i, i})")
	a := add
	for i := 0; i < 1000; i++ {
		s += a(i, i)
	}
	delta("a := add; a(i, i)")
	kp := keep
	for i := 0; i < 1000; i++ {
		s += kp(&T{i, i})
	}
	delta("kp := keep; kp(&T{i, i})")
	r := sum
	if s < 0 {
		r = product
	}
	for i := 0; i < 1000; i++ {
		s += r(i, i, i)
	}
	delta("r := sum; r = product; r(i, i, i)")
	m := area
	if s > 0 {
		m = perim
	}
	for i := 0; i < 1000; i++ {
		s += m(&T{i, 1})
	}
	delta("m := area; m = perim; m(&T{i, 1})")
	w := area
	w = func(p *T) int { return p.a - p.b }
	for i := 0; i < 1000; i++ {
		s += w(&T{i, 2})
	}
	delta("w := area; w = func…; w(&T{i, 2})")
	fmt.Println(s, len(kept), f(1, 2), a(3, 4))
}
