// stack_growth.go — goroutine stacks grow: StackInuse after deep recursion, in main and in
// goroutines that stay parked on their grown stacks.
//
// A call that needs more stack than its goroutine has runs morestack → newstack → copystack
// (runtime/stack.go): a stack twice the size, the old one freed. Stacks under 32 KiB come
// from per-size pools of 32 KiB spans (through the P's stack cache, which ReadMemStats
// flushes); larger ones are whole pages from the heap, returned when freed with no GC
// running. deep's frame here is 104 B on 1.19–1.25 (TEXT $96-8: buf, panicIndex's argument
// area, n%64 spilled across the call, the frame pointer; plus the return address) and 96 B
// from 1.26 ($88-8: n%64 recomputed). main's frame holds the four inlined stackInuse
// MemStats (TEXT $23392-0): main runs on 32 KiB from the start.
//
// Real Go, the same on 1.19, 1.21, 1.22, 1.25 and 1.27 (2026-12-07, 1 run each): main deep 100
// +32 768 (32 → 64 KiB), 300 +0, 1 000 +65 536 (→ 128 KiB), 3 000 +393 216 (→ 512 KiB);
// 4 parked goroutines deep 10 +32 768 (4 KiB each: one span; 0 on 1.26 and 1.27, whose 96-B
// frames leave deep(10) on 2 KiB), 100 +65 536 (16 KiB), 300 +131 072 (32 KiB), 1 000
// +524 288, 3 000 +2 097 152. gomapsim prints the same on every release (engine/lang/stack.h;
// the depth at which main's stack doubles is within 3 calls of real Go's, measured with a
// step of 1). Tolerance: exact (whole spans), but for line 7 (4 goroutines deep 100): a
// clean-clone CI run read +32 768 in two of its three runs on 1.19 (+65 536 in the third and
// in every earlier run): one 32 KiB span either way.
// oracle: tol #3 ±32768 lines 7
// oracle: unit B
// oracle: mem StackInuse
// oracle: nofloor StackInuse
// self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times): lines 6 and 9 read a 32 KiB span more on 1.26
// and 1.27 in one run (a goroutine's stack from the other P's stack cache).
// oracle: tol #3 ±32768 lines 6
// oracle: tol #3 ±32768 lines 9
package main

import (
	"fmt"
	"runtime"
)

func deep(n int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		return int(buf[0])
	}
	return deep(n-1) + int(buf[n%64])
}

func stackInuse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}

func main() {
	fmt.Println("start")
	s0 := stackInuse()
	for _, n := range []int{100, 300, 1000, 3000} {
		deep(n)
		s := stackInuse()
		fmt.Printf("main deep %d: StackInuse +%d\n", n, s-s0)
		s0 = s
	}
	for _, n := range []int{10, 100, 300, 1000, 3000} {
		hold := make(chan int)
		ready := make(chan int)
		for k := 0; k < 4; k++ {
			go func() { deep(n); ready <- 1; <-hold }()
			<-ready
		}
		s := stackInuse()
		fmt.Printf("4 goroutines deep %d, parked: StackInuse +%d\n", n, s-s0)
		close(hold)
		runtime.Gosched()
		s0 = stackInuse()
	}
}
