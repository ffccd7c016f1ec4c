// func_values.go — function values as readers' programs use them: a map of handlers, a
// counter closure called 100 000 times, a function stored in a variable, recursion through
// a variable, closures made in a loop. What each costs, between runtime.GC calls:
//
//   - a counter made by a function gc inlines: nothing (the closure and its n stay on the
//     stack of the caller); made by a //go:noinline function: n moves to the heap (8 B, a
//     tiny block) and the closure {F, &n} is 16 B: 2 mallocs
//   - a top-level function or a literal without captures as a value: static, nothing
//   - a literal capturing a variable stored in a map: its 16-byte closure
//   - closures made in a loop: before Go 1.22 the one i is captured by reference (moved to
//     the heap once), from 1.22 each iteration's i by value
package main

import (
	"fmt"
	"runtime"
)

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

//go:noinline
func counterNoInline() func() int {
	n := 0
	return func() int { n++; return n }
}

func square(x int) int { return x * x }

type Op struct {
	name string
	f    func(int, int) int
}

var ms runtime.MemStats

func report(step string, a0, f0, t0 uint64) (uint64, uint64, uint64) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Mallocs=%d Frees=%d TotalAlloc=%d B HeapAlloc=%d KB\n", step, ms.Mallocs-a0, ms.Frees-f0, ms.TotalAlloc-t0, ms.HeapAlloc/1024)
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.Frees, ms.TotalAlloc
}

func main() {
	runtime.GC()
	runtime.ReadMemStats(&ms)
	a, f, t := ms.Mallocs, ms.Frees, ms.TotalAlloc

	next := counter()
	s := 0
	for i := 0; i < 100000; i++ {
		s += next()
	}
	a, f, t = report("counter", a, f, t)
	fmt.Println("sum", s)

	next = counterNoInline()
	for i := 0; i < 100000; i++ {
		s += next()
	}
	a, f, t = report("counter (not inlined)", a, f, t)
	fmt.Println("sum", s)

	var sq func(int) int = square
	handlers := map[string]func(int) int{}
	k := 3
	handlers["square"] = sq
	handlers["add"] = func(x int) int { return x + k }
	handlers["id"] = func(x int) int { return x }
	a, f, t = report("handlers", a, f, t)
	total := 0
	for i := 0; i < 1000; i++ {
		total += handlers["add"](i) + handlers["square"](2) + handlers["id"](1)
	}
	fmt.Println("total", total)

	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	x := fib(25)
	a, f, t = report("fib", a, f, t)
	fmt.Println("fib", x)

	ops := []Op{{"add", func(a, b int) int { return a + b }}, {"mul", func(a, b int) int { return a * b }}}
	for _, o := range ops {
		fmt.Println(o.name, o.f(6, 7))
	}

	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	a, f, t = report("loop closures", a, f, t)
	for _, g := range fs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	var none func()
	fmt.Println(none == nil, sq != nil, len(handlers), len(fs), a > 0, f >= 0, t > 0)
}
