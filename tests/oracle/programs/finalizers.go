// finalizers.go — runtime.SetFinalizer as blog posts demo it: an object with a finalizer
// survives the GC that finds it unreachable and is freed by the next one; its finalizer runs
// on the finalizer goroutine once main lets it (here time.Sleep); runtime.KeepAlive keeps an
// object (and so its finalizer) alive to that point; SetFinalizer(p, nil) removes one.
//
// What the runtime does (runtime/mfinal.go, mgcmark.go markrootSpans, mgcsweep.go; the same
// on 1.19–1.27): SetFinalizer records a special on the object's span (fixalloc'd: nothing in
// Mallocs or HeapAlloc; the finalizer goroutine already runs, started by os's init); the
// sweep finds the unreachable object, keeps it (marked) and queues its finalizer; the
// finalizer goroutine runs the queue newest first, on a 16-B argument frame it allocates once.
//
// Real Go, 6 runs each on 1.19, 1.24 and 1.27 (GOMAXPROCS=2), gomapsim in brackets:
//   5 objects + 5 SetFinalizer calls: 5 mallocs, 400 B (the 80-B objects only) [same]
//   GC 1: finalized=3 on every run (the finalizers run on the idle P while runtime.GC
//         finishes), objects +5…+6 (+12 once on 1.27), 2 frees, 128 B freed: `gone` (80 B)
//         and one 48-B object [finalized=3, +4, 3 frees, 144 B: a 16-B tiny block more]
//   slept: 2–3 mallocs, 264–296 B (the frame, 16 B, and fmt's printer), or 6–7 mallocs and
//         ~590 B when the runtime's own work lands in the window [2 mallocs, 264 B]
//   GC 2: the three objects freed now: 6 frees, 520–536 B, or 10–12 frees, 840–896 B with
//         the runtime's garbage; order=[2 1 0] on every run [6 frees, 520 B, [2 1 0]]
//   GC 3: objects −1…+8; kept dropped: finalized=4, Alloc +650…+840 B, or ~6 KB on
//         1.24/1.27 in half the runs [objects 0, Alloc +600…+632]
// The first time.Sleep of a goroutine allocates its timer (88 B in 2 mallocs up to 1.22,
// 112 B from 1.23, with the P's timer heap: sleep_timer.go): the program sleeps once before
// it measures. The counts that say what the finalizers did (finalized, order, NumGC) are exact;
// the heap's counts carry the runtime's own background allocations, hence the tolerances.
// oracle: unit B
// oracle: nofloor freed
// oracle: mem delta
// oracle: tol objects ±8
// oracle: tol frees ±6
// oracle: tol mallocs ±5
// oracle: tol freed ±400
package main

import (
	"fmt"
	"runtime"
	"time"
)

type Resource struct {
	id   int
	name string
	data [6]int
}

var (
	finalized int
	order     [8]int // the ids, in the order their finalizers ran (nothing allocated)
)

func release(r *Resource) {
	order[finalized] = r.id
	finalized++
}

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

func main() {
	time.Sleep(time.Millisecond)   // main's first Sleep allocates its timer (see the header)
	runtime.GC()
	s0 := stats()
	for i := 0; i < 3; i++ {
		r := &Resource{id: i, name: "temp"}
		runtime.SetFinalizer(r, release)
	}
	kept := &Resource{id: 99, name: "kept"}
	runtime.SetFinalizer(kept, release)
	gone := &Resource{id: 7, name: "gone"}
	runtime.SetFinalizer(gone, func(r *Resource) { fmt.Println("never printed", r.id) })
	runtime.SetFinalizer(gone, nil)
	gone = nil
	s1 := stats()
	fmt.Printf("5 objects, 5 SetFinalizer calls: mallocs=%d bytes=%d goroutines=%d\n", s1.Mallocs-s0.Mallocs, s1.TotalAlloc-s0.TotalAlloc, runtime.NumGoroutine())

	runtime.GC()
	s2 := stats()
	fmt.Printf("GC 1: finalized=%d objects=%d frees=%d freed=%d B\n", finalized, int64(s2.HeapObjects)-int64(s1.HeapObjects), s2.Frees-s1.Frees, (s2.TotalAlloc-s2.Alloc)-(s1.TotalAlloc-s1.Alloc))
	time.Sleep(10 * time.Millisecond)
	s3 := stats()
	fmt.Printf("slept: finalized=%d mallocs=%d bytes=%d\n", finalized, s3.Mallocs-s2.Mallocs, s3.TotalAlloc-s2.TotalAlloc)
	runtime.GC()
	s4 := stats()
	fmt.Printf("GC 2: finalized=%d objects=%d frees=%d freed=%d B order=%v\n", finalized, int64(s4.HeapObjects)-int64(s3.HeapObjects), s4.Frees-s3.Frees, (s4.TotalAlloc-s4.Alloc)-(s3.TotalAlloc-s3.Alloc), order[:finalized])
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	s5 := stats()
	fmt.Printf("GC 3: finalized=%d objects=%d NumGC=%d\n", finalized, int64(s5.HeapObjects)-int64(s4.HeapObjects), s5.NumGC-s0.NumGC)
	runtime.KeepAlive(kept)
	kept = nil
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	s6 := stats()
	fmt.Printf("kept dropped: finalized=%d NumGC=%d Alloc delta=%d\n", finalized, s6.NumGC-s0.NumGC, int64(s6.Alloc)-int64(s0.Alloc))
}
