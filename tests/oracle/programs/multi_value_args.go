// multi_value_args.go — f(g()): a call whose one argument is a multi-valued call gets g's
// results as its arguments (the spec's special case), the way readers print a lookup:
// fmt.Println(strconv.Atoi(s)), fmt.Println(m.Load(k)), fmt.Println(pair()). What it costs is
// what passing the values one by one costs: each result boxed into fmt's interface (convT64
// for an int ≥ 256, convTstring for a non-empty string; a nil error and a bool are free), and
// nothing for a user function that takes them as they are.
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
}
