// stack_shrink.go — goroutine stacks shrink at GC: StackInuse after each runtime.GC() once
// stacks have grown deep and their goroutines have returned to a shallow wait.
//
// scanstack (runtime/mgcmark.go) calls shrinkstack (runtime/stack.go, the same rule on
// 1.19–1.27): a goroutine using less than a quarter of its stack (hi − sp where it waits,
// plus stackNosplit's 800 B) gets half the size, not below 2 KiB; copystack frees the old
// one. Once a cycle, so a 128 KiB stack takes five GCs to come down to 4 KiB, where a
// goroutine parked in `<-hold` (its literal's frame, chanrecv's and gopark's: ~300 B, plus
// 800) uses a quarter and keeps it. Stacks under 32 KiB come from 32 KiB pool spans: 128
// goroutines make every step whole spans. A goroutine parked at the bottom of parkDeep(300)
// (~36 KiB of a 64 KiB stack) does not shrink; a dead goroutine's stack that is not the
// starting size is freed (gfput).
//
// Real Go 1.19–1.27 (2026-12-07, GOMAXPROCS=2, 30 runs: 2–4 on every release): 128
// goroutines deep(1000) +16 777 216 (128 KiB each; twice +16 809 984); GCs −8 388 608,
// −4 194 304, −2 097 152, −1 048 576, −524 288 (each at times one or two 32 KiB spans off),
// then 0, 0, 0 (at times ±32 768 or +65 536: the runtime's own goroutines' stacks);
// ended −524 288. main deep(3000) +524 288 or +491 520 (1.26 once +589 824), GCs −262 144,
// −131 072, −65 536, −32 768; the next four GCs 0 (1.19–1.22) or −32 768 (1.23+: main at 16
// and 8 KiB moving between pool spans). 16 goroutines parkDeep(300) +1 048 576, GCs 0, 0;
// ended −1 048 576. gomapsim: the first figure of each (engine/lang/stack.h shrinkstack), 0
// for the four more GCs. Tolerance ±65 536 (two spans: real Go's spread), which still tells
// every halving apart; with stacks that never shrank gomapsim read 0 at every GC.
// oracle: tol StackInuse ±65536
// oracle: unit B
// oracle: mem StackInuse
// oracle: nofloor StackInuse
// self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times): lines 5–6 on 1.24 and 1.26 spread over 98 304 B.
// oracle: tol StackInuse ±98304 lines 5-6
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

func deep(n int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		return int(buf[0])
	}
	return deep(n-1) + int(buf[n%64])
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
	runtime.GC()
	s0 := stackInuse()
	hold := make(chan int)
	ready := make(chan int)
	for k := 0; k < 128; k++ {
		go func() { deep(1000); ready <- 1; <-hold }()
		<-ready
	}
	s := stackInuse()
	fmt.Printf("128 goroutines grown to 128 KiB, parked: StackInuse %d\n", s-s0)
	for i := 1; i <= 8; i++ {
		s0 = s
		runtime.GC()
		s = stackInuse()
		fmt.Printf("GC %d: StackInuse %d\n", i, s-s0)
	}
	close(hold)
	runtime.Gosched()
	s0 = s
	runtime.GC()
	s = stackInuse()
	fmt.Printf("goroutines ended, GC: StackInuse %d\n", s-s0)

	s0 = s
	deep(3000)
	s = stackInuse()
	fmt.Printf("main deep 3000: StackInuse %d\n", s-s0)
	for i := 1; i <= 4; i++ {
		s0 = s
		runtime.GC()
		s = stackInuse()
		fmt.Printf("main, GC %d: StackInuse %d\n", i, s-s0)
	}
	s0 = s
	for i := 1; i <= 4; i++ {
		runtime.GC()
	}
	s = stackInuse()
	fmt.Printf("main, 4 more GCs: StackInuse %d\n", s-s0)

	hold = make(chan int)
	s0 = s
	for k := 0; k < 16; k++ {
		go parkDeep(300, ready, hold)
		<-ready
	}
	s = stackInuse()
	fmt.Printf("16 goroutines parked 300 deep: StackInuse %d\n", s-s0)
	for i := 1; i <= 2; i++ {
		s0 = s
		runtime.GC()
		s = stackInuse()
		fmt.Printf("deep ones, GC %d: StackInuse %d\n", i, s-s0)
	}
	close(hold)
	runtime.Gosched()
	s0 = s
	runtime.GC()
	s = stackInuse()
	fmt.Printf("deep ones ended, GC: StackInuse %d\n", s-s0)
}
