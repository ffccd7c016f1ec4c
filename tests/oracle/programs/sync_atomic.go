// sync_atomic.go — package sync/atomic: the functions on a local or a package variable, the
// typed values (Int32/Int64/Uint32/Uint64/Bool/Pointer[T]/Value) as struct fields and locals,
// and what escapes. Up to Go 1.23 doc.go's functions have no //go:noescape, so a local whose
// address they get moves to the heap (`var n int32; atomic.AddInt32(&n, 2)`: one 16-B tiny
// block; a local atomic.Int64 8 B, 1 malloc), from 1.24 nothing (go build -gcflags=-m, 1.19–1.27).
// Value.Store boxes a non-pointer value (a 24-B struct: 24 B a store) and moves the Value to
// the heap on every release (StorePointer has no noescape). Real Go 1.19, 1.21–1.27: the same
// figures in every run but one: Go 1.26 read 2 344 B / 16 mallocs for the struct fields' four
// goroutines once in four runs (2 232 / 15 in the others): a sudog, main resuming on the P
// whose cache did not hold the start-up's (as sync_escape.go's goroutine line), so that line
// takes ±1 sudog. Clean-clone CIs on 2026-12-07 read 2 376 B on that line in one real run of
// three on 1.23 and on 1.22 (median 2 200 / 16; gomapsim 2 104 / 15): which P each of the
// four goroutines and main run on moves a g and sudogs, so the line takes ±384 B, ±3 mallocs;
// the next day's clean-clone CI read 2 248 B / 19 mallocs on 1.19 (median of three; gomapsim
// 1 976 / 15): four sudogs more in the small size class, so ±5 mallocs.
// oracle: tol delta ±384 lines 10
// oracle: tol mallocs ±5 lines 10
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

type stats struct {
	hits   atomic.Int64
	misses atomic.Uint32
	ready  atomic.Bool
	last   atomic.Pointer[string]
}

type config struct {
	name string
	size int
}

var total int64
var flags uint32

func localCounter() int32 {
	var n int32
	for i := 0; i < 1000; i++ {
		atomic.AddInt32(&n, 2)
	}
	old := atomic.SwapInt32(&n, 7)
	if atomic.CompareAndSwapInt32(&n, 7, 9) {
		return atomic.LoadInt32(&n) + old
	}
	return 0
}

func localTyped() int64 {
	var c atomic.Int64
	for i := 0; i < 100; i++ {
		c.Add(int64(i))
	}
	c.CompareAndSwap(4950, 5000)
	return c.Load()
}

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	for i := 0; i < 1000; i++ {
		atomic.AddInt64(&total, 1)
		atomic.StoreUint32(&flags, uint32(i))
	}
	fmt.Println(atomic.LoadInt64(&total), atomic.LoadUint32(&flags), total)
	delta("package variables")

	fmt.Println(localCounter())
	delta("local int32")
	fmt.Println(localTyped())
	delta("local atomic.Int64")

	s := &stats{}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 250; i++ {
				if i%5 == 0 {
					s.misses.Add(1)
				} else {
					s.hits.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	s.ready.Store(true)
	name := "done"
	s.last.Store(&name)
	fmt.Println(s.hits.Load(), s.misses.Load(), s.ready.Load(), *s.last.Load(), s.ready.CompareAndSwap(true, false), s.ready.Load())
	fmt.Println(s.hits.Swap(1), s.misses.CompareAndSwap(200, 3), s.misses.Load(), s.last.Swap(nil) == &name, s.last.Load() == nil)
	delta("struct fields")

	var u atomic.Uint64
	u.Store(1 << 40)
	fmt.Println(u.Load(), u.Add(1))
	var v atomic.Value
	fmt.Println(v.Load() == nil)
	for i := 0; i < 100; i++ {
		v.Store(config{name: "cfg", size: i})
	}
	cfg := v.Load().(config)
	fmt.Println(cfg.name, cfg.size, v.CompareAndSwap(cfg, config{"new", 1}), v.Load())
	delta("atomic.Value")
	fmt.Printf("%v %T %T\n", u.Load(), u.Load(), &u)
}
