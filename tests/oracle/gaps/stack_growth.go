// stack_growth.go — goroutine stacks grow: StackInuse after deep recursion, in main and in
// goroutines that stay parked on their grown stacks.
//
// A call that needs more stack than its goroutine has runs morestack → newstack → copystack
// (runtime/stack.go): a stack twice the size, the old one freed. Stacks under 32 KiB come
// from per-size pools of 32 KiB spans (through the P's stack cache, 16 KiB at a time); larger
// ones are whole pages from the heap, returned when freed with no GC running. A GC shrinks a
// stack that uses under a quarter of itself to half (shrinkstack). deep's frame here is 104 B
// (SUBQ $0x58 plus the return address and frame pointer, go tool objdump on 1.21).
//
// Real Go, the same on 1.19, 1.21, 1.22, 1.25 and 1.27 (2026-12-07, 1 run each): main deep 100
// +32 768, 300 +0, 1 000 +65 536, 3 000 +393 216; 4 parked goroutines deep 10 +32 768 (0 on
// 1.27), 100 +65 536, 300 +131 072, 1 000 +524 288, 3 000 +2 097 152. gomapsim's stacks do not
// grow (a goroutine costs its 2 KiB, 16 to a span): every line prints +0.
// Not modelled yet: gc's frame sizes per function, the pools and the P's
// stack cache, the start size of main's stack.
// oracle: unit B
// oracle: mem StackInuse
// oracle: nofloor StackInuse
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
