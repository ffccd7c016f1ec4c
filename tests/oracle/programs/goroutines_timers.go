// goroutines_timers.go — time.NewTicker, time.After and time.Sleep between goroutines on the
// clock (the playground's clock moves only when no goroutine can run: engine/lang/sched.h),
// and what a timer costs: time.After makes a channel of one Time (hchan + a 24-byte
// buffer: a Time holds a pointer) and its Timer (80 B up to Go 1.22, 112 B from 1.23):
// 3 mallocs, 200 or 248 B a call. Real Go 1.19–1.22 also grows the P's timer heap while 100
// timers are pending (7 mallocs, ~2 KB, not modelled): 3 % in Mallocs, and 12 % in bytes
// there (22 016–22 168 B in three clean-clone CI runs, gomapsim 20 000). Durations are printed in whole 10 ms steps
// (real Go's clock runs late). Lateness grows with the machine's load: a clean-clone CI run
// on an idle machine read the last timer (420 ms in) at 430 on 1.21, 1.23 and 1.26 (medians
// of 3); one at a load average of 13 read ticks at 240 instead of 200 and 410 for 400, and
// the last timer at 440–450 (medians of 3): ±20 on every line, for an idle machine.
// oracle: tol ms ±20
// oracle: unit B
// oracle: mem bytes
// oracle: nofloor bytes
// oracle: tol mallocs 3%
// oracle: tol bytes 10%
// oracle: go1.19-1.22 tol bytes 12%
package main

import (
	"fmt"
	"runtime"
	"time"
)

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

func main() {
	start := time.Now()
	ms10 := func(d time.Duration) int { return int(d/time.Millisecond) / 10 * 10 }
	ticker := time.NewTicker(100 * time.Millisecond)
	done := make(chan bool)
	go func() {
		time.Sleep(350 * time.Millisecond)
		done <- true
	}()
	n := 0
	running := true
	for running {
		select {
		case <-done:
			running = false
		case t := <-ticker.C:
			n++
			fmt.Println("tick", n, "at ms", ms10(t.Sub(start)))
		}
	}
	ticker.Stop()
	select {
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout at ms", ms10(time.Since(start)))
	case <-done:
		fmt.Println("done again")
	}
	a := stats()
	fired := 0
	for i := 0; i < 100; i++ {
		select {
		case <-time.After(time.Hour):
			fired++
		default:
		}
	}
	b := stats()
	fmt.Println("100 pending time.After: fired", fired, "mallocs", b.Mallocs-a.Mallocs, "bytes", b.TotalAlloc-a.TotalAlloc)
	tm := time.NewTimer(20 * time.Millisecond)
	fmt.Println("stopped", tm.Stop(), tm.Stop())
	tm.Reset(20 * time.Millisecond)
	<-tm.C
	fmt.Println("timer at ms", ms10(time.Since(start)))
}
