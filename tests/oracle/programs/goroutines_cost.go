// goroutines_cost.go — what a goroutine costs on each release: its g, its place in allgs, its
// stack, gc's closure for the go statement; and what a finished goroutine leaves for the next.
//
// newproc1 (runtime/proc.go) takes a dead g from the P's free list (gfget) or makes one:
// malg's new(g) — sizeof(runtime.g) 392 B on Go 1.19, 408 on 1.21 (the 416-B class), 424–440
// on 1.22–1.25 (448), 456 from 1.26 (480) — with a 2 KiB stack (32 KiB spans, StackInuse), and
// allgadd appends it to allgs, a []*g that grows as append grows it: 5 gs in 8 slots when main
// starts (6 from Go 1.25), so the 4th, 12th, 28th and 60th new goroutine also make the array
// of 16, 32, 64, 128 pointers (128, 256, 512, 1 024 B; 1 152 with Go 1.22's malloc header).
// `go park(i)` makes gc's wrapper closure {F, i}: 16 B.
//
// Real Go, 100 parked goroutines (select {}: no sudog): 204 mallocs / 45 120 B on 1.19 and 1.21,
// 48 448 on 1.22–1.25, 51 648 from 1.26; StackInuse +196 608 (92 new stacks beyond the 8 left
// in the start-up's spans). Before allgs and 1.21's g were modelled gomapsim made 200 mallocs
// and 47 296 B on 1.21. 100 goroutines run one after the other (each waited for) reuse the g a
// first one left: 100 mallocs, their closures {F, i, &wg} (2 400 B).
// oracle: unit B
// oracle: mem bytes
// oracle: nofloor bytes
// oracle: nofloor StackInuse
// Goroutines run one after the other (line 4) reuse one g while each finishes on main's P; self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times)
// read 102 mallocs / 3 232 B / a 32 KiB stack span more once on Go 1.19: gs finishing on the
// other P (its free list and its stack cache). gomapsim runs goroutines on one P.
// oracle: tol mallocs ±2 lines 4
// oracle: tol bytes ±1024 lines 4
// oracle: tol StackInuse ±32768 lines 4
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

func report(what string, a, b runtime.MemStats) {
	fmt.Printf("%s: mallocs=%d bytes=%d StackInuse=%d\n", what, b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc, b.StackInuse-a.StackInuse)
}

var parked [100]int

func park(i int) {
	parked[i] = i
	select {}
}

func work(i int, wg *sync.WaitGroup) {
	parked[i]++
	wg.Done()
}

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	a := stats()
	for i := 0; i < 100; i++ {
		go park(i)
	}
	b := stats()
	report("100 goroutines parked", a, b)
	fmt.Println("goroutines:", runtime.NumGoroutine())

	var wg sync.WaitGroup
	wg.Add(1)
	go work(0, &wg) // the first wait makes a sudog in gomapsim (real Go's caches hold some)
	wg.Wait()
	c := stats()
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go work(i, &wg)
		wg.Wait()
	}
	d := stats()
	report("100 goroutines one after another", c, d)
}
