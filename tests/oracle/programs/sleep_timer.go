// sleep_timer.go — what time.Sleep allocates: a goroutine's first Sleep makes its timer and
// keeps it (runtime/time.go timeSleep: gp.timer = new(timer); goexit0 drops it, so a g reused
// by a new goroutine makes another), and each Sleep adds the timer to its P's timer heap, a
// slice the P keeps and append grows (pp.timers []*timer, 8 B an element; from Go 1.23's
// timer rewrite ts.heap []timerWhen, 16 B, and a 96-B timer instead of 80).
//
// Real Go, 6 runs each on 1.19, 1.22, 1.23, 1.27 (GOMAXPROCS=2), gomapsim the same:
//   main's first Sleep: 2 mallocs, 88 B (timer 80 + P0's heap 8) up to 1.22; 112 B from 1.23
//   main's next four: 1 malloc, 8 / 16 B (main wakes on the other P: its heap; on 1.19 in the
//         2nd Sleep in 9 of 12 runs, else the 3rd or 4th)
//   a goroutine's Sleep, a new g: 3 mallocs, g + closure 16 + timer (512 B on 1.19, 592 on
//         1.27; 1.27 once 5 mallocs when main's second Sleep left P1's heap to it); the same
//         g reused: 2 mallocs, 96 / 112 B. Under load (the oracle's runs) a sudog more (96–
//         224 B) in the first, one heap array less in the four; and the first GC's two mark
//         workers (gcBgMarkStartWorkers' gs, not modelled) fill allgs's 8 slots on 1.25+, so
//         real Go grows it (128 B) in the first goroutine, gomapsim in the four: ±2 there
//   four goroutines asleep at once on one P: its heap grows 1 → 2 → 4 (+16 +32 B; +32 +64
//         from 1.23): 14 mallocs on 1.19–1.27 in every run (3 new gs and allgs grown from 8
//         slots to 16, 4 closures, 4 timers, 2 heap arrays); 1 808 B on 1.19
//   a GC after they exit: the dead goroutines' closures and timers freed: 16 frees, 760 B on
//         1.19 (880–896 on 1.27) in every run; gomapsim 15, 696 B (832): one 64-B object
//         fewer, not the timers' (6 closures, 6 timers, the old allgs and heap arrays agree)
// oracle: unit B
// oracle: mem bytes
// oracle: mem freed
// oracle: nofloor bytes
// oracle: nofloor freed
// oracle: tol frees ±2
// oracle: tol freed ±200
// oracle: tol mallocs ±2 lines 3,5
// oracle: tol bytes ±240 lines 3,5
package main

import (
	"fmt"
	"runtime"
	"time"
)

func stats() (uint64, uint64) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func main() {
	var mallocs [5]uint64
	var bytes [5]uint64
	runtime.GC() // the start-up's garbage goes first
	m0, a0 := stats()
	time.Sleep(time.Millisecond)
	m1, a1 := stats()
	mallocs[0], bytes[0] = m1-m0, a1-a0
	for i := 0; i < 4; i++ {
		time.Sleep(time.Millisecond)
	}
	m2, a2 := stats()
	mallocs[1], bytes[1] = m2-m1, a2-a1

	done := make(chan bool)
	m3, a3 := stats()
	go func() {
		time.Sleep(time.Millisecond)
		done <- true
	}()
	<-done
	m4, a4 := stats()
	mallocs[2], bytes[2] = m4-m3, a4-a3
	go func() {
		time.Sleep(time.Millisecond)
		done <- true
	}()
	<-done
	m5, a5 := stats()
	mallocs[3], bytes[3] = m5-m4, a5-a4
	for i := 0; i < 4; i++ {
		go func() {
			time.Sleep(time.Millisecond)
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	m6, a6 := stats()
	mallocs[4], bytes[4] = m6-m5, a6-a5

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	f0, fb0 := ms.Frees, ms.TotalAlloc-ms.HeapAlloc
	runtime.GC()
	runtime.ReadMemStats(&ms)
	f1, fb1 := ms.Frees, ms.TotalAlloc-ms.HeapAlloc
	names := [5]string{"main's first Sleep", "main's next four", "a goroutine's Sleep", "a reused g's Sleep", "four asleep at once"}
	for i, n := range names {
		fmt.Printf("%s: mallocs=%d bytes=%d\n", n, mallocs[i], bytes[i])
	}
	fmt.Printf("GC after they exit: frees=%d freed=%d\n", f1-f0, fb1-fb0)
}
