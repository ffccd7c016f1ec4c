// full_slice.go — 3-index slices (the spec's full slice expression, s[lo:hi:max]): the
// result's capacity is max-lo, so `append(xs[:i:i], v)` always copies (growslice) instead of
// writing into xs's array, the idiom that keeps two slices from sharing. 100 such appends of a
// string: 100 mallocs on Go 1.19–1.24, 99 from 1.25 (measured; gomapsim the same through its
// append rules per release); a slice of an array; runtime/panic.go's panicSlice3* message. Real Go 1.19, 1.21–1.27: the
// same figures in every run.
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	base := make([]int, 4, 16)
	a := base[:4:4]
	b := append(a, 5)
	c := append(base[1:3:8], 9)
	arr := [6]int{1, 2, 3, 4, 5, 6}
	d := arr[1:3:4]
	fmt.Println(len(a), cap(a), len(b), cap(b), len(c), cap(c), base[3], d, len(d), cap(d))
	runtime.ReadMemStats(&ms)
	m0 := ms.Mallocs
	xs := make([]string, 0, 100)
	for i := 0; i < 100; i++ {
		ys := append(xs[:i:i], "x")
		_ = ys
		xs = append(xs, "y")
	}
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.Mallocs - m0)
	defer func() { fmt.Println(recover()) }()
	i := 5
	_ = base[1:i:3]
}
