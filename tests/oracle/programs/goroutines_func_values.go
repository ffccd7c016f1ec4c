// goroutines_func_values.go — `go` of a func value as readers write it: a worker held in a
// variable, a handler picked from a map, a method value, a function-typed parameter handed
// a value. gc wraps `go fv(x)` in a closure {F, fv, x} (walk/order.go wrapGoDefer): 24 B
// here; `go fv()` passes fv itself (nothing more than the goroutine's g and stack).
// Real Go runs the goroutines on two Ps: a run makes more gs and stacks at times (Mallocs
// 18-25 in the first section over 3 runs on Go 1.27), so the figures are medians of 3 runs
// compared within 25 %. The third section's goroutine exits before main reads MemStats;
// when the other P ran it, main's next goroutine needs a g and a stack of its own: 3
// mallocs / 1 088 B in the median of 3 runs of a clean-clone CI (Go 1.19), 0 in most runs
// and in gomapsim; a clean-clone CI on 2026-12-07 (Go 1.25) read 4, then 5 in the median of
// 3, so that line takes ±5.
//
// oracle: unit B
// oracle: mem bytes
// oracle: tol mallocs 25%
// oracle: tol bytes 25%
// oracle: tol mallocs ±5 lines 3
// The fourth and fifth sections read 8–11 mallocs in idle real runs (1.24: 8 ×6, 9 ×6 of 12;
// under a CPU hog 8–9), but a clean-clone CI's median of 3 read 12 / 1 784 B on 1.24 (gomapsim
// 8 / 200): the same second P making gs and stacks of its own, so they take ±4.
// oracle: tol mallocs ±4 lines 4-5
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add(k int) {
	c.mu.Lock()
	c.n += k
	c.mu.Unlock()
}

var ms runtime.MemStats

func report(step string, a0, t0 uint64) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Mallocs=%d TotalAlloc=%d B NumGoroutine=%d\n", step, ms.Mallocs-a0, ms.TotalAlloc-t0, runtime.NumGoroutine())
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func spawn(wg *sync.WaitGroup, work func(int), n int) {
	for i := 0; i < n; i++ {
		wg.Add(1)
		go work(i)
	}
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 8)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	a, t := ms.Mallocs, ms.TotalAlloc

	worker := func(id int) {
		defer wg.Done()
		results[id] = id * id
	}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go worker(i)
	}
	wg.Wait()
	a, t = report("8 goroutines of a func value", a, t)

	handlers := map[string]func(){
		"a": func() { defer wg.Done(); results[0] = 1000 },
		"b": func() { defer wg.Done(); results[1] = 2000 },
	}
	a, t = report("handlers", a, t)
	for _, k := range []string{"a", "b", "a"} {
		wg.Add(1)
		go handlers[k]()
	}
	wg.Wait()
	a, t = report("3 goroutines of handlers", a, t)

	c := &Counter{}
	add := c.Add
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			add(k)
		}(i)
	}
	wg.Wait()
	a, t = report("4 goroutines calling a method value", a, t)

	var done sync.WaitGroup
	sum := 0
	spawn(&done, func(i int) { defer done.Done(); c.Add(i); sum += i }, 5)
	done.Wait()
	a, t = report("5 goroutines spawned through a parameter", a, t)

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("results", total, "counter", c.n, "sum", sum)
}
