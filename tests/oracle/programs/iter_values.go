// iter_values.go — iterators held in variables (Go 1.23+): `seq := maps.Keys(m)` ranged over
// or passed to slices.Sorted, and the program's own generators declared with package iter's
// types (`func evens(n int) iter.Seq[int]`, `iter.Seq2[int, int]`), held in a variable too.
//
// gc inlines the producer (maps.Keys, slices.Values, the generator) where it is called, and
// seq, assigned once, has that call as its static value where it is ranged over
// (ir.StaticValue): the range is the range over the map or slice, or the generator's body
// with the loop body as yield, on the stack. A variable changes nothing: 0 B / 0 mallocs.
// The consumers cost what they cost with the call written in place (range_func.go).
// Real Go (TotalAlloc / Mallocs deltas, one run of each release 1.23, 1.24, 1.25, 1.27):
//   seq := maps.Keys(m) ranged; all := maps.All(m) ranged twice; vs := slices.Values(s) and
//   back := slices.Backward(s) ranged (with a break); range evens(1000); ev := evens(100)
//   ranged (with continue); ps := pairs(m) ranged: 0 B / 0 on every release
//   slices.Sorted(seq) of 1 000 ints: 25 272 B / 15 (gomapsim 25 264: one tiny block's 8 B)
//   slices.Collect(vs) of 500 ints: 1.23 8 248 B / 13 (gomapsim 8 240), 1.24 8 192 / 10,
//     1.25–1.27 8 128 / 7 (the body closure escaping on 1.23, as in range_func.go)
// gomapsim prints the same. Before Go 1.23 the program does not build (package iter is
// not in std, GOROOT on 1.19; build constraints exclude it on 1.22).
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

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(m map[int]int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func main() {
	m := make(map[int]int)
	for i := 0; i < 1000; i++ {
		m[i*7] = i
	}
	s := make([]int, 500)
	for i := range s {
		s[i] = i * 3
	}
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	seq := maps.Keys(m)
	t := 0
	for k := range seq {
		t += k
	}
	runtime.ReadMemStats(&b)
	report("seq := maps.Keys(m), ranged", t)

	runtime.ReadMemStats(&a)
	all := maps.All(m)
	t = 0
	for k, v := range all {
		t += k - v
	}
	for k := range all {
		t += k
	}
	runtime.ReadMemStats(&b)
	report("all := maps.All(m), ranged twice", t)

	runtime.ReadMemStats(&a)
	ks := slices.Sorted(seq)
	runtime.ReadMemStats(&b)
	report("slices.Sorted(seq) first+last", ks[0]+ks[len(ks)-1])

	runtime.ReadMemStats(&a)
	vs := slices.Values(s)
	back := slices.Backward(s)
	t = 0
	for v := range vs {
		t += v
	}
	for i, v := range back {
		if i < 490 {
			break
		}
		t -= v
	}
	runtime.ReadMemStats(&b)
	report("vs := slices.Values(s), back := slices.Backward(s)", t)

	runtime.ReadMemStats(&a)
	t = 0
	for x := range evens(1000) {
		t += x
	}
	runtime.ReadMemStats(&b)
	report("range evens(1000) (iter.Seq[int])", t)

	runtime.ReadMemStats(&a)
	ev := evens(100)
	t = 0
	for x := range ev {
		if x%4 == 0 {
			continue
		}
		t += x
	}
	runtime.ReadMemStats(&b)
	report("ev := evens(100), ranged", t)

	runtime.ReadMemStats(&a)
	t = 0
	ps := pairs(m)
	for k, v := range ps {
		t += k - v
	}
	runtime.ReadMemStats(&b)
	report("ps := pairs(m) (iter.Seq2[int, int])", t)

	runtime.ReadMemStats(&a)
	got := slices.Collect(vs)
	runtime.ReadMemStats(&b)
	report("slices.Collect(vs) len", len(got))

	first := -1
	for x := range ev {
		if x > 10 {
			first = x
			break
		}
	}
	fmt.Println("first above 10:", first, slices.Collect(slices.Values(ks[:3])))
}
