// range_func_param.go — a range over a function's parameter (Go 1.23+): `func sum(seq
// iter.Seq[int]) int { for v := range seq {…} }` called with maps.Values(m), slices.Values(s),
// the program's own generator, an iterator held in a variable or a function's name, as
// readers write it; then what it costs where gc does not inline sum.
//
// Where gc inlines sum into its caller, the iterator passed inlines too and the loop body's
// closure with it (go build -gcflags=-m: "inlining call to sum", "func literal does not
// escape"): nothing is allocated. gc inlines such a function from Go 1.24 (1.23's rewrite of
// the loop costs more than the budget of 80), not with //go:noinline nor with two ranges
// over the parameter (stats). Where it does not, rangefunc's rewrite passes the body's
// closure to the unknown seq: "func literal escapes to heap", "moved to heap: t, #state1"
// (with a return inside the loop also #next and the result #rv1): the closure's struct
// (F, and a pointer to each variable it assigns, a value of each it only reads) and each such
// variable, at every call. From Go 1.25 the pointer-free ones share one allocation of up to 16
// bytes (ssagen/ssa.go newHeapaddr): t and #state1 one mallocgc(16) instead of two tiny ones.
// Real Go (TotalAlloc / Mallocs deltas over 100 calls; one run each of 1.23–1.27, 2026-12-07):
//                               1.23          1.24          1.25–1.27
//   sum(maps.Values(m)) etc.    4 000 / 300   0 / 0         0 / 0
//   sumNoinline                 4 000 / 300   4 000 / 300   4 000 / 200
//   stats (two ranges)          8 000 / 600   8 000 / 600   8 000 / 500
//   firstOver (return inside)   7 200 / 400   0 / 0         0 / 0
// (per call 24 B closure + 2 tiny ints = 40 B / 3 mallocs; firstOver's 48-byte closure of
// F, limit, &#next, &#rv1, &#state1 and 3 ints.) gomapsim prints the same on every release.
// Before Go 1.23 the program does not build (package iter is not in std).
// oracle: since go1.23
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

var a, b runtime.MemStats

func report(what string, n int) {
	fmt.Printf("%s %d: delta=%d mallocs=%d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func sum(seq iter.Seq[int]) int {
	t := 0
	for v := range seq {
		t += v
	}
	return t
}

//go:noinline
func sumNoinline(seq iter.Seq[int]) int {
	t := 0
	for v := range seq {
		t += v
	}
	return t
}

func stats(seq iter.Seq[int]) (int, int) {
	n, hi := 0, 0
	for range seq {
		n++
	}
	for v := range seq {
		if v > hi {
			hi = v
		}
	}
	return n, hi
}

func firstOver(seq iter.Seq[int], limit int) int {
	for v := range seq {
		if v > limit {
			return v
		}
	}
	return -1
}

func sumValues(seq iter.Seq2[string, int]) int {
	t := 0
	for _, v := range seq {
		t += v
	}
	return t
}

// a plain func type works as iter.Seq does
func count(f func(yield func(int) bool)) int {
	n := 0
	for range f {
		n++
	}
	return n
}

func countTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func evens(yield func(int) bool) {
	for i := 0; i < 100; i += 2 {
		if !yield(i) {
			return
		}
	}
}

func main() {
	m := map[string]int{}
	for i := 0; i < 100; i++ {
		m[fmt.Sprint("k", i)] = i
	}
	s := make([]int, 100)
	for i := range s {
		s[i] = i
	}
	t := 0
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sum(maps.Values(m))
	}
	runtime.ReadMemStats(&b)
	report("sum(maps.Values(m)) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sum(slices.Values(s))
	}
	runtime.ReadMemStats(&b)
	report("sum(slices.Values(s)) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sum(countTo(50))
	}
	runtime.ReadMemStats(&b)
	report("sum(countTo(50)) x100", t)

	t = 0
	vs := slices.Values(s)
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sum(vs) + count(evens)
	}
	runtime.ReadMemStats(&b)
	report("sum(vs) + count(evens) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sumNoinline(slices.Values(s))
	}
	runtime.ReadMemStats(&b)
	report("sumNoinline(slices.Values(s)) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		n, hi := stats(slices.Values(s))
		t += n + hi
	}
	runtime.ReadMemStats(&b)
	report("stats(slices.Values(s)) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += firstOver(slices.Values(s), 50)
	}
	runtime.ReadMemStats(&b)
	report("firstOver(slices.Values(s), 50) x100", t)

	t = 0
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		t += sumValues(maps.All(m))
	}
	runtime.ReadMemStats(&b)
	report("sumValues(maps.All(m)) x100", t)
}
