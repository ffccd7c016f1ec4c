// stack_start.go — after a GC that scanned a goroutine parked deep, goroutines that reuse a
// dead g start on a larger stack (adaptivestackstart, on by default on 1.19–1.27).
//
// scanstack (runtime/mgcmark.go) sums hi − sp over the goroutines it scans;
// gcComputeStartingStackSize (runtime/stack.go) makes startingStackSize their average plus
// stackGuard (928 B), rounded up to a power of two. The runtime's own goroutines are scanned
// too (forcegc, bgsweep, bgscavenge, finalizers, two mark workers; one more from 1.25: 8 or 9
// stacks with main and one of the program's), so one goroutine parked 1 500 calls of
// parkDeep deep (~170 KB) makes it 32 KiB. gfget gives a reused g a stack of that size (its
// kept 2 KiB one freed); a new g (malg) still gets 2 KiB. With /gc/stack/starting-size:bytes
// real Go read 4 KiB from a goroutine parked 58 calls deep on 1.19 (60 on 1.22–1.24, 68–70
// on 1.25–1.27; gomapsim 58, 58, 66–70: engine/runtime/profile.h runtime_stacks_scanned).
//
// One P (runtime.GOMAXPROCS(1)): with two, the goroutines of a wave end on either P's free
// list, and which gs the next wave reuses moved the last line from +229 376 to +1 671 168.
//
// Real Go, GOMAXPROCS(1) (2026-12-07, 3 runs on 1.19, 1.21, 1.24, 1.25, 1.27, then the
// oracle's run on every release): 28 new goroutines +65 536; reused 0; reused after a plain
// GC 0; after the deep GC, two waves of 28 reused +851 968 (1.19, 1.24, 1.25) or +884 736
// (1.21, 1.25, 1.27): 28 at 32 KiB less the 2 KiB stacks' one or two spans. gomapsim
// +65 536, 0, 0, +851 968; before adaptivestackstart was modelled 0. Tolerance ±65 536 (two
// spans). Not printed: two more waves after a GC without the deep goroutine (startingStackSize
// 2 KiB again: gfget frees the 32 KiB stacks): real Go −819 200 or −851 968 in most runs but
// −524 288 (1.23, twice in six) and −360 448 (1.25); gomapsim −819 200.
// oracle: tol StackInuse ±65536
// oracle: unit B
// oracle: mem StackInuse
// oracle: nofloor StackInuse
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func stackInuse() int64 {
	runtime.ReadMemStats(&ms)
	return int64(ms.StackInuse)
}

func park(ready, hold chan int) {
	ready <- 1
	<-hold
}

// wave starts 28 goroutines that park, reads StackInuse, then lets them end (28: the P's
// free list of dead gs stays under gfput's 64, so their stacks are never handed to the
// global list that GC frees).
func wave() int64 {
	ready := make(chan int)
	hold := make(chan int)
	s0 := stackInuse()
	for k := 0; k < 28; k++ {
		go park(ready, hold)
		<-ready
	}
	d := stackInuse() - s0
	close(hold)
	runtime.Gosched()
	return d
}

func parkDeep(n int, ready, hold chan int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		ready <- 1
		<-hold
		return int(buf[0])
	}
	return parkDeep(n-1, ready, hold) + int(buf[n%64])
}

func main() {
	runtime.GOMAXPROCS(1) // one P: one free list of dead gs (see above)
	runtime.GC()
	fmt.Printf("28 new goroutines parked: StackInuse %d\n", wave())
	fmt.Printf("28 reused: StackInuse %d\n", wave())
	runtime.GC()
	fmt.Printf("28 reused after a GC: StackInuse %d\n", wave())

	ready := make(chan int)
	hold := make(chan int)
	go parkDeep(1500, ready, hold)
	<-ready
	runtime.GC()
	a := wave()
	fmt.Printf("28 reused after a GC that scanned a goroutine parked 1500 deep, twice: StackInuse %d\n", a+wave())
}
