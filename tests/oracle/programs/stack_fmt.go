// stack_fmt.go — fmt's printers run on the calling goroutine's stack: a goroutine that calls
// fmt.Sprint or fmt.Sprintf at the bottom of a recursion needs more stack than one that does
// not, and its stack doubles sooner.
//
// 16 goroutines recurse n calls deep and park; StackInuse grows by their 16 stacks. deep's
// frame is 104 B on 1.19–1.25, 96 from 1.26 (as in stack_growth.go); deepSprint and
// deepSprintf, calling fmt at n == 0, 144 B (gc's TEXT $136). Without fmt, 7 calls deep fit in
// 2 KiB; with Sprint or Sprintf at the bottom the stack doubles to 4 KiB, and 26 deep to 8 KiB
// instead of 4: fmt's printer (newPrinter, doPrint, printArg, the formatters) reaches 489–600 B
// below its caller (engine/lang/stack.h kFmtStack; gomapsim took none before: the Sprint and
// Sprintf lines at 7 read +32 768, at 26 +65 536). fmt.Println reaches as deep (measured the
// same way) but its goroutines' writes make real Go count a span a line late now and then, so
// it is not printed here.
//
// Real Go 1.19, 1.21–1.27 (four runs each; 2026-12-07): +32 768 for every n = 0 line and
// deep 7, +65 536 for Sprint 7, Sprintf 7 and deep 26, +131 072 for Sprint 26 and Sprintf 26;
// three of the 32 runs read one span more or less on one of the n = 26 lines (deep 26 +98 304
// on 1.22, Sprint 26 +98 304 on 1.19, Sprintf 26 +163 840 on 1.24), so those lines take
// ±32 768 (still twice the stack of no fmt at 26: +65 536); the rest is exact.
// oracle: tol #3 ±32768 lines 8-10
// oracle: unit B
// oracle: mem StackInuse
// oracle: nofloor StackInuse
// self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times): lines 6–7 read a 32 KiB span more or less on
// 1.19, 1.22, 1.23 and 1.27 (a goroutine's stack from the other P's stack cache).
// oracle: tol #3 ±32768 lines 6-7
package main

import (
	"fmt"
	"runtime"
)

var sink string

func deep(n int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		return int(buf[0])
	}
	return deep(n-1) + int(buf[n%64])
}

func deepSprint(n int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		sink = fmt.Sprint(n, "x")
		return int(buf[0])
	}
	return deepSprint(n-1) + int(buf[n%64])
}

func deepSprintf(n int) int {
	var buf [64]byte
	buf[n%64] = byte(n)
	if n == 0 {
		sink = fmt.Sprintf("%d|%s", n, "x")
		return int(buf[0])
	}
	return deepSprintf(n-1) + int(buf[n%64])
}

func stackInuse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}

func park(label string, n int, f func(int)) {
	hold := make(chan int)
	ready := make(chan int)
	s0 := stackInuse()
	for k := 0; k < 16; k++ {
		go func() { f(n); ready <- 1; <-hold }()
		<-ready
	}
	s := stackInuse()
	fmt.Printf("16 goroutines %s %d, parked: StackInuse +%d\n", label, n, s-s0)
}

func main() {
	fmt.Println("start")
	for _, n := range []int{0, 7, 26} {
		park("deep", n, func(n int) { deep(n) })
		park("Sprint", n, func(n int) { deepSprint(n) })
		park("Sprintf", n, func(n int) { deepSprintf(n) })
	}
}
