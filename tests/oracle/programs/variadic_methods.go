// variadic_methods.go — variadic methods in interfaces and `go` of a variadic function literal.
//
// A call through an interface (dynamic dispatch: the loggers sit in a slice, so gc cannot
// devirtualise) does not know its callee, so the packed []any of `l.Logf(f, i)` escapes: 16 B
// per call, plus convT64's 8 B for each i ≥ 256 (below, staticuint64s); `l.Logf(f)` passes
// nil and `l.Count(xs...)` passes xs (which escapes once). `go func(xs ...int){…}(i, i, 7)`:
// the go statement's wrapper closure holds i and i (not the constant) and builds the []int on
// the new goroutine's stack (gc: "... argument does not escape"), so a goroutine costs its
// literal's closure and the wrapper's: 2 mallocs.
// oracle: mem delta
// oracle: nofloor delta
// A goroutine that finishes on the other P leaves its g on that P's free list, so the next
// go statement makes a new g: CI's real Go 1.25 read 201 mallocs on line 6 in 2 of 3 runs;
// self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times)
// 201 in 1 of 6 on 1.23 and 1.27 (+448/480 B). gomapsim runs goroutines on one P.
// oracle: tol mallocs ±2 lines 6
// oracle: tol delta ±1024 lines 6
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Logger interface {
	Logf(format string, args ...any)
	Count(xs ...int) int
}

type Tally struct{ n int }

func (t *Tally) Logf(format string, args ...any) { t.n += len(args) }
func (t *Tally) Count(xs ...int) int           { return len(xs) }

type Quiet struct{ calls int }

func (q *Quiet) Logf(format string, args ...any) { q.calls++ }
func (q *Quiet) Count(xs ...int) int            { q.calls++; return 0 }

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-32s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

func main() {
	loggers := []Logger{&Tally{}, &Quiet{}}
	fmt.Printf("%T %T\n", loggers[0], loggers[1])
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	for i := 0; i < 1000; i++ {
		loggers[i%2].Logf("step %d", i)
	}
	delta("1000 l.Logf(f, i)")
	for i := 0; i < 1000; i++ {
		loggers[i%2].Logf("none")
	}
	delta("1000 l.Logf(f)")
	s := 0
	for i := 0; i < 1000; i++ {
		s += loggers[i%2].Count(i, i, i)
	}
	delta("1000 l.Count(i, i, i)")
	xs := []int{1, 2, 3}
	for i := 0; i < 1000; i++ {
		s += loggers[i%2].Count(xs...)
	}
	delta("1000 l.Count(xs...)")

	var wg sync.WaitGroup
	total := 0
	wg.Add(1)
	go func() { wg.Done() }() // the first goroutine's own costs (its g) left out
	wg.Wait()
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(xs ...int) {
			for _, x := range xs {
				total += x
			}
			wg.Done()
		}(i, i, 7)
		wg.Wait()
	}
	delta("100 go func(xs ...int){…}(i, i, 7)")
	fmt.Println(s, total, loggers[0].(*Tally).n, loggers[1].(*Quiet).calls)
}
