// append_buffer.go — what appends to a fresh slice allocate, and the compiler's stack buffer.
//
// From Go 1.25 gc gives a slice whose backing array does not escape a 32-byte buffer on the
// stack for its first append from length 0 (cmd/compile/internal/ssagen/ssa.go append,
// base.Debug.VariableMakeThreshold): []int grows 4 → 8 → 16 … on the heap, skipping the 8-,
// 16- and 32-byte arrays (−56 B); the buffer is taken once per call and per variable (the
// second append statement to the same slice, or a refill after s = nil, starts on the heap);
// elements over 32 bytes never fit; a slice that escapes (returned, printed) never gets it.
// The same buffer holds make([]T, n) of a variable n when n·size ≤ 32 (walk/builtin.go
// walkMakeSlice); before 1.25 a variable-size make is always on the heap.
// Deltas of TotalAlloc in bytes, real Go repeating them to the byte.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats

var four, five = 4, 5 // variables: gc would see through a constant argument of an inlined call

func total() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

type big struct{ a, b, c, d, e int }

func local(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s) + cap(s)
}

func twice(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	c := cap(s)
	s = nil
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return c + cap(s)
}

func second(n int) int {
	var s []int
	s = append(s, -1)
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return cap(s)
}

func large(n int) int {
	var s []big
	for i := 0; i < n; i++ {
		s = append(s, big{a: i})
	}
	return cap(s)
}

func returned(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func made(n int) int {
	s := make([]int, n)
	for i := 0; i < len(s); i++ {
		s[i] = i * i
	}
	return s[n-1]
}

func main() {
	t := total()
	r := local(3)
	fmt.Printf("local 3: delta=%d B %d\n", total()-t, r)
	t = total()
	r = local(100)
	fmt.Printf("local 100: delta=%d B %d\n", total()-t, r)
	t = total()
	r = local(100) + local(100)
	fmt.Printf("two calls: delta=%d B %d\n", total()-t, r)
	t = total()
	r = twice(100)
	fmt.Printf("refilled after nil: delta=%d B %d\n", total()-t, r)
	t = total()
	r = second(100)
	fmt.Printf("second append statement: delta=%d B %d\n", total()-t, r)
	t = total()
	r = large(20)
	fmt.Printf("40-byte elements: delta=%d B %d\n", total()-t, r)
	t = total()
	s := returned(100)
	fmt.Printf("returned: delta=%d B %d\n", total()-t, len(s))
	t = total()
	r = made(four)
	fmt.Printf("make of 4 ints: delta=%d B %d\n", total()-t, r)
	t = total()
	r = made(five)
	fmt.Printf("make of 5 ints: delta=%d B %d\n", total()-t, r)
	t = total()
	var u []byte
	for i := 0; i < 100; i++ {
		u = append(u, byte(i))
	}
	fmt.Printf("bytes in main: delta=%d B %d %d\n", total()-t, len(u), cap(u))
	runtime.KeepAlive(s)
}
