// variadic_func_values.go — variadic func types as values: variables, parameters, fields
// and maps of type func(...int) int, calls through them with packed arguments and xs...
//
// A call through a func value whose callee gc cannot see lets its arguments escape: the
// packed []int of `g(i, i, i)` (g read from a field) is a heap allocation per call (24 B
// for three ints), where the same call of the function by name keeps it on the stack.
// g(xs...) passes xs itself (nothing allocated), g() passes nil. (A local assigned once from
// a function name, `var f func(...int) int = sum`, gc calls directly — ir.StaticValue — and
// inlines: static_func_values.go.)
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

func join(sep string, parts ...string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += sep
		}
		s += p
	}
	return s
}

type Reducer struct {
	name string
	f    func(...int) int
}

type Acc struct{ n int }

func (a *Acc) Add(vals ...int) int {
	for _, v := range vals {
		a.n += v
	}
	return a.n
}

func apply(f func(...int) int, xs []int) int { return f(xs...) + f() }

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-30s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

func main() {
	var f func(...int) int = sum
	product := func(xs ...int) int {
		p := 1
		for _, x := range xs {
			p *= x
		}
		return p
	}
	ops := map[string]func(...int) int{"sum": sum, "product": product}
	rs := []Reducer{{"sum", sum}, {"product", product}}
	var a Acc
	add := a.Add
	j := join
	fmt.Printf("%T | %T | %T\n", f, j, add)
	xs := []int{1, 2, 3, 4}
	fmt.Println(f(1, 2, 3), f(), f(xs...), ops["product"](xs...), rs[1].f(2, 5), apply(product, xs))
	fmt.Println(j("-", "a", "b", "c"), j(","), add(1, 2), add(xs...), a.n)
	fmt.Println(func(xs ...int) int { return len(xs) }(7, 8, 9))

	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	s := 0
	for i := 0; i < 1000; i++ {
		s += sum(i, i, i)
	}
	delta("1000 sum(i, i, i)")
	g := rs[0].f
	for i := 0; i < 1000; i++ {
		s += g(i, i, i)
	}
	delta("1000 g(i, i, i)")
	for i := 0; i < 1000; i++ {
		s += g(xs...)
	}
	delta("1000 g(xs...)")
	for i := 0; i < 1000; i++ {
		s += g()
	}
	delta("1000 g()")
	for i := 0; i < 1000; i++ {
		s += a.Add(i)
	}
	delta("1000 a.Add(i)")
	for i := 0; i < 1000; i++ {
		s += add(i, 1)
	}
	delta("1000 add(i, 1) (method value)")
	fmt.Println(s)
}
