// array_slice_escape.go — a local array whose slice escapes moves to the heap whole (a[lo:hi]
// is &a sliced, escape/expr.go OSLICEARR: go build -gcflags=-m "moved to heap: caps") on every
// release, 1.19 and 1.21–1.27 alike. Ten calls of each case: the slice passed to fmt.Println,
// Printf or Sprint (boxed by convTslice, the header pointing into the array), assigned to a
// global `any`, stored in a global slice, returned and stored, appended to a global [][]int:
// each call 64 B / 1 malloc more for the [8]int (32 B for a [4]int printed whole, caps[:]),
// e.g. fmt.Println 1 592 B / 55 mallocs on 1.27 (1 624 B on 1.19), a global slice 640 B / 10.
// The array stays on the stack when the slice does not escape: len(caps[:n]), a range over
// it, a function that only reads it (0 B); nor is an inlined function's string parameter
// sliced (s[:1]) and boxed: still its constant argument, static data (0 B). gomapsim kept
// every such array on the stack until 2026-12-07 (fmt.Println 952 B / 45 on 1.27; its first
// cut read 160 B / 10 for the sliced string). Real Go repeats itself but for one more
// malloc of 48–64 B that now and then lands in a fmt line (1.23, 1.24, 1.27: fmt.Println 56
// mallocs / 1 688 B in 1 run of 3; 1.24 Println caps[:] 61 / 928–944 B in 2 of 3; 1.25
// fmt.Sprint 61 in 1 of 3; 1.27 fmt.Println 57 once, two more, on a loaded machine), hence
// ±1 malloc (±2 on the first fmt line); the array's own share is 10 mallocs a line.
// oracle: tol mallocs ±1
// oracle: tol mallocs ±2 lines 11
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	if label != "" {
		fmt.Printf("%-16s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	}
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

const reps = 10

var (
	sink    []int
	sinkAny any
	lists   [][]int
	str     string
	total   int
)

func printlnCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	fmt.Println(caps[:n])
}

func printfCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	fmt.Printf("caps %v\n", caps[:n])
}

func sprintCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	str = fmt.Sprint(caps[:n])
}

func wholeCase(k int) {
	var caps [4]int
	for i := range caps {
		caps[i] = i + k
	}
	fmt.Println(caps[:])
}

func anyCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	sinkAny = caps[:n]
}

func globalCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	sink = caps[:n]
}

func returned(k int) []int {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	for j := 0; j < n; j++ {
		total += caps[j] * j
	}
	return caps[:n]
}

func appendCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	lists = append(lists, caps[:n])
}

func lenCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	total += len(caps[:n])
}

func rangeCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	for _, v := range caps[:n] {
		total += v
	}
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func readCase(k int) {
	var caps [8]int
	n := 0
	for i := 0; i < 6; i += 2 {
		caps[n] = i * k
		n++
	}
	total += sum(caps[:n])
}

// head is inlined: its parameter is the constant argument, boxed as static data (0 B), the
// slice expression s[:1] notwithstanding (it is not an array's address)
func head(s string) any {
	if len(s[:1]) > 0 {
		return s
	}
	return nil
}

func main() {
	delta("")
	for k := 0; k < reps; k++ {
		printlnCase(k)
	}
	delta("fmt.Println")
	for k := 0; k < reps; k++ {
		printfCase(k)
	}
	delta("fmt.Printf")
	for k := 0; k < reps; k++ {
		sprintCase(k)
	}
	delta("fmt.Sprint")
	for k := 0; k < reps; k++ {
		wholeCase(k)
	}
	delta("Println caps[:]")
	for k := 0; k < reps; k++ {
		anyCase(k)
	}
	delta("global any")
	for k := 0; k < reps; k++ {
		globalCase(k)
	}
	delta("global slice")
	for k := 0; k < reps; k++ {
		sink = returned(k)
	}
	delta("returned")
	for k := 0; k < reps; k++ {
		appendCase(k)
	}
	delta("appended")
	for k := 0; k < reps; k++ {
		lenCase(k)
	}
	delta("len")
	for k := 0; k < reps; k++ {
		rangeCase(k)
	}
	delta("range")
	for k := 0; k < reps; k++ {
		readCase(k)
	}
	delta("read-only func")
	for k := 0; k < reps; k++ {
		sinkAny = head("hello")
	}
	delta("sliced string")
	fmt.Println(str, len(sink), len(lists), sinkAny, total)
}
