// slice_move2heap.go — a slice built by append in a loop, then returned, ranged, stored or
// only indexed: what its arrays cost on each release.
//
// Up to Go 1.24 every growth is growslice's heap array (1, 2, 4, 8… elements). Go 1.25 gives
// a slice whose array does not escape a 32-byte stack buffer at its first append
// (ssagen/ssa.go append): a returned or stored slice still escapes. Go 1.26's slice pass
// (cmd/compile/internal/slice/slice.go) lets a variable that is only appended to, indexed,
// measured and, once, returned, stored or ranged (not inside a deeper loop) use the buffer
// too, and copies the array to the heap just before that point when it is still on the
// stack (move2heap: runtime/slice.go moveSliceNoCap, one malloc of the size class above
// the length; moveSlice keeps the capacity when cap(s) or s[i:j] is used). So from 1.26 a
// returned slice of 3 ints costs 1 malloc of 24 B instead of 3 (8+16+32 B), one of 10
// ints 2 (64+128 B) instead of 5, and a ranged slice of 3 ints, which 1.25 kept all on the
// stack, 1 malloc (the range is such a point, golang/go#79909). A variable made with make,
// passed to a function, or with two such points keeps 1.25's costs. Real Go, 2 runs per
// release, all alike; 1.19–1.24 agree with each other, as 1.26 and 1.27 do. n=3 build:
// 3 mallocs / 64 B up to 1.25, 1 / 24 B from 1.26; n=10: 5 / 256, then 2 / 192.
package main

import (
	"fmt"
	"runtime"
)

var a, b runtime.MemStats

func stats() (uint64, uint64) {
	runtime.ReadMemStats(&b)
	d, t := b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc
	runtime.ReadMemStats(&a)
	return d, t
}

//go:noinline
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func ranged(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

//go:noinline
func indexed(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

//go:noinline
func withCap(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if cap(s) > 1000 {
		s = s[:0]
	}
	return s
}

//go:noinline
func made(n int) []int {
	s := make([]int, 0)
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func appendTo(dst []int, n int) []int {
	for i := 0; i < n; i++ {
		dst = append(dst, i)
	}
	return dst
}

//go:noinline
func named(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}

var stored []int

//go:noinline
func store(n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	stored = s
}

//go:noinline
func twoReturns(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if n > 50 {
		return s
	}
	return s
}

//go:noinline
func strs(n int) []string {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
	}
	return s
}

//go:noinline
func bytesOf(n int) []byte {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, 'a')
	}
	return s
}

var keep []int
var sink int

func main() {
	const cases = 11
	names := [cases]string{"build", "ranged", "indexed", "withCap", "made", "appendTo(nil)", "appendTo(local)",
		"named", "store", "twoReturns", "strs+bytes"}
	ns := [4]int{3, 4, 10, 100}
	var res [4][cases][2]uint64
	var caps [4][4]int
	fmt.Println("start")
	stats()
	for j := 0; j < 4; j++ {
		n := ns[j]
		keep = build(n)
		caps[j][0] = cap(keep)
		res[j][0][0], res[j][0][1] = stats()
		sink = ranged(n)
		res[j][1][0], res[j][1][1] = stats()
		sink = indexed(n)
		res[j][2][0], res[j][2][1] = stats()
		keep = withCap(n)
		caps[j][1] = cap(keep)
		res[j][3][0], res[j][3][1] = stats()
		keep = made(n)
		res[j][4][0], res[j][4][1] = stats()
		keep = appendTo(nil, n)
		caps[j][2] = cap(keep)
		res[j][5][0], res[j][5][1] = stats()
		local := make([]int, 0, 2)
		local = appendTo(local, n)
		sink = len(local)
		res[j][6][0], res[j][6][1] = stats()
		keep = named(n)
		caps[j][3] = cap(keep)
		res[j][7][0], res[j][7][1] = stats()
		store(n)
		res[j][8][0], res[j][8][1] = stats()
		keep = twoReturns(n)
		res[j][9][0], res[j][9][1] = stats()
		sink = len(strs(n)) + len(bytesOf(n))
		res[j][10][0], res[j][10][1] = stats()
	}
	for j := 0; j < 4; j++ {
		for c := 0; c < cases; c++ {
			fmt.Printf("n=%d %s: Mallocs=%d TotalAlloc=%d\n", ns[j], names[c], res[j][c][0], res[j][c][1])
		}
		fmt.Printf("n=%d caps: build %d withCap %d appendTo %d named %d\n", ns[j], caps[j][0], caps[j][1], caps[j][2], caps[j][3])
	}
	fmt.Println(sink, len(stored))
}
