// defer_in_loop.go — defers in loops and closures, panics unwinding through them.
//
// Each iteration's defer runs at the function's end, last first, with the arguments it had
// at the statement; a deferred literal captures the loop variable as a closure does (its
// own per iteration from Go 1.22, the one variable before: "closure 3" three times on 1.19
// and 1.21). A deferred closure changes a named result after `return`; a panic runs every
// frame's deferred calls, and recover in one of them makes its function return normally.
// The _defer records of a loop's defers return to the deferpool; runtime.GC() drops the
// central part of it (clearpools), so a later loop allocates records again; how many
// depends on which P the goroutine resumes on after the cycle (the P's own 32 stay), as the
// scheduler decides: 980–1000 mallocs in real Go.
// oracle: tol Mallocs ±25 lines 19
// The first loop finds a few records the runtime's own start-up defers left in the pools
// (990–997 mallocs for 500 records and 500 closures, by release and run).
// oracle: tol Mallocs ±8 lines 17
// oracle: mem TotalAlloc
// oracle: nofloor TotalAlloc
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var ms runtime.MemStats
var last, lastMallocs uint64

func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-22s TotalAlloc = %d B, Mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure", i) }()
	}
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("argument", n) }(i)
	}
}

func count(n int) (c int) {
	defer func() { c *= 10 }()
	for i := 0; i < n; i++ {
		defer func() { c++ }()
	}
	return 0
}

var mu sync.Mutex
var seen = map[int]int{}

func store(keys []int) (stored int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("store: %v", r)
		}
	}()
	mu.Lock()
	defer mu.Unlock()
	for _, k := range keys {
		defer fmt.Println("stored", k, "of", len(keys))
		seen[k] = 100 / k
		stored++
	}
	return stored, nil
}

var total int

func add(n int) { total += n }

func fill(n int) {
	for i := 0; i < n; i++ {
		defer add(i)
	}
}

func main() {
	order()
	fmt.Println(count(5))
	n, err := store([]int{5, 4, 0, 2})
	fmt.Println(n, err, len(seen))
	n, err = store([]int{1})
	fmt.Println(n, err, len(seen))
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	fill(500)
	delta("fill(500)")
	fill(500)
	delta("fill(500) again")
	runtime.GC()
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	fill(500)
	delta("fill(500) after GC")
	fmt.Println(total)
}
