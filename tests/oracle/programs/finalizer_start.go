// finalizer_start.go — the finalizer goroutine's start in a program that imports no os: its
// first runtime.SetFinalizer runs createfing's `go runfinq()` (runtime/mfinal.go), a new g
// (malg's new(g)) and allgs grown from its 4 slots (main, forcegc, bgsweep, bgscavenge) to 8.
// A program that imports fmt, log, os, flag, runtime/debug or crypto/rand has it from os's
// init (os.NewFile sets finalizers on Stdin, Stdout, Stderr): there the call allocates
// nothing (finalizers.go). The program prints with println (no fmt).
//
// Real Go, 3 runs each on every release 1.19, 1.21–1.27 (GOMAXPROCS=2), gomapsim the same:
//   first SetFinalizer: 2 mallocs, 480 B (g 416 + allgs 64) on 1.19, 1.21; 512 on 1.22–1.25
//         (g 448); 544 on 1.26, 1.27 (g 480); StackInuse unchanged; NumGoroutine 1
//   second SetFinalizer: 0 mallocs
//   a goroutine then: g + its 16-B closure (allgs has room: 6 of 8); a sudog more (96 B, 112
//         on 1.27) in 1 of 3 runs
//   after a GC and a Sleep: both finalizers ran (finalized=2). No GC runs before the first
//   SetFinalizer: the first cycle starts the two mark
//   workers (gcBgMarkStartWorkers), whose gs
//   grow allgs to 8 slots, and real Go's SetFinalizer then makes the g alone (1 malloc, 416 B
//   on 1.19); gomapsim does not add the workers' gs to allgs yet
// oracle: unit B
// oracle: mem bytes
// oracle: mem stack
// oracle: nofloor bytes
// oracle: nofloor stack
// oracle: tol mallocs ±1 lines 3
// oracle: note in this program real Go 1.25–1.27 make the g alone (1 malloc) in every oracle
// oracle: note run (allgs already grown by a runtime g not found yet), 2 in a program holding
// oracle: note one object (tests/lang/finalizers_test.cpp's): judged ±1 / ±64 B there
// oracle: go1.25 tol mallocs ±1 lines 1
// oracle: go1.25 tol bytes ±64 lines 1
// oracle: go1.26 tol mallocs ±1 lines 1
// oracle: go1.26 tol bytes ±64 lines 1
// oracle: go1.27 tol mallocs ±1 lines 1
// oracle: go1.27 tol bytes ±64 lines 1
// oracle: tol bytes ±112 lines 3
package main

import (
	"runtime"
	"time"
)

type Resource struct {
	id   int
	data [5]int
}

var finalized int

func release(r *Resource) { finalized++ }

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

func main() {
	a := &Resource{id: 1}
	b := &Resource{id: 2}
	s0 := stats()
	runtime.SetFinalizer(a, release)
	s1 := stats()
	runtime.SetFinalizer(b, release)
	s2 := stats()
	println("first SetFinalizer: mallocs=", s1.Mallocs-s0.Mallocs, "bytes=", s1.TotalAlloc-s0.TotalAlloc, "stack=", s1.StackInuse-s0.StackInuse, "goroutines=", runtime.NumGoroutine())
	println("second SetFinalizer: mallocs=", s2.Mallocs-s1.Mallocs, "bytes=", s2.TotalAlloc-s1.TotalAlloc)
	done := make(chan bool)
	s3 := stats()
	go func() { done <- true }()
	<-done
	s4 := stats()
	println("a goroutine then: mallocs=", s4.Mallocs-s3.Mallocs, "bytes=", s4.TotalAlloc-s3.TotalAlloc)
	runtime.KeepAlive(b)
	a = nil
	runtime.GC()
	time.Sleep(time.Millisecond)
	s5 := stats()
	println("after GC and a Sleep: finalized=", finalized, "goroutines=", runtime.NumGoroutine())
	_ = s5
}
