// multi_value_args.go — f(g()): a call whose one argument is a multi-valued call gets g's
// results as its arguments (the spec's special case), the way readers print a lookup:
// fmt.Println(strconv.Atoi(s)), fmt.Println(m.Load(k)), fmt.Println(pair()). What it costs is
// what passing the values one by one costs: each result boxed into fmt's interface (convT64
// for an int ≥ 256, convTstring for a non-empty string; a nil error and a bool are free), and
// nothing for a user function that takes them as they are; a variadic one gets them as its
// ...T (on the stack unless it escapes: kept's 16 B each).
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"sync"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64
var sink int

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

var names = []string{"alpha", "beta", "gamma"}

func pair(i int) (int, string) { return i * 1000, names[i%3] }

func weigh(n int, s string) int { return n + len(s) }

type scale struct{ factor int }

func (s scale) apply(n int, name string) int { return n*s.factor + len(name) }

func main() {
	var m sync.Map // made before the first delta: a local sync.Map costs real Go more than gomapsim (not this program's subject)
	m.Store("k", 300)
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	for i := 0; i < 3; i++ {
		fmt.Println(pair(i))
	}
	delta("println(pair())")

	total := 0
	sc := scale{3}
	for i := 0; i < 1000; i++ {
		total += weigh(pair(i))
		total += sc.apply(pair(i))
	}
	sink = total
	delta("weigh(pair()) x1000")
	fmt.Println(total)

	fmt.Println(strconv.Atoi("4096"))
	fmt.Println(strconv.Atoi("12"))
	delta("println(atoi())")

	fmt.Println(m.Load("k"))
	fmt.Println(m.Load("missing"))
	delta("println(load())")
	s := fmt.Sprint(pair(2))
	fmt.Println(s, len(s))
	delta("sprint(pair())")

	total = 0
	for i := 0; i < 1000; i++ {
		total += sum(two(i))
		total += len(label(named(i)))
		keep = kept(two(i))
	}
	sink = total
	delta("sum(two()) x1000")
	fmt.Println(total, len(keep), label(named(7)))
}

// variadic callees: gc passes g's results as t1, ..., tn := g(); f(t1, ..., tn)
// (RewriteMultiValueCall): the ...int on the stack where it does not escape, kept's on the heap.
var keep []int

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func two(i int) (int, int) { return i, 2 * i }

func named(i int) (string, int, int) { return "n", i, i + 1 }

func label(s string, xs ...int) string {
	if len(xs) == 2 && xs[0] < 3 {
		return s + strconv.Itoa(sum(xs...))
	}
	return s
}

func kept(xs ...int) []int { return xs }
