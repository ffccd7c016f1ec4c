// value_size_128_vs_129.go — one byte more per value, a very different heap.
//
// Values up to 128 bytes live inside the buckets (groups in Go 1.24); from 129 bytes on the
// map stores an 8-byte pointer and allocates every value as its own heap object (a 129-byte
// value takes a 144-byte size-class slot). So map[int][128]byte has big buckets that never
// shrink, while map[int][129]byte has small buckets and its values are freed by delete + GC.
// (go-runtime-facts.md §1.3, §2.3.) mapShape is a playground builtin; the oracle harness
// supplies it for real Go. (NumGC is not printed: Go 1.24 runs 12 or 13 automatic cycles while
// filling, by timing.)
//
// Real Go, linux/amd64, GOMAXPROCS=2 (KB = bytes/1024, 3 runs):
//   Go 1.19.8: FIGURES119
//   Go 1.24.4: FIGURES124
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 100_000
	report("start", "")

	inline := make(map[int][128]byte)
	for i := 0; i < n; i++ {
		inline[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc [128]byte filled", mapShape(inline))
	for i := 0; i < n; i++ {
		delete(inline, i)
	}
	runtime.GC()
	report("after-gc [128]byte emptied", mapShape(inline))
	runtime.KeepAlive(inline)
	inline = nil
	runtime.GC()
	report("after-gc [128]byte dropped", "")

	boxed := make(map[int][129]byte)
	for i := 0; i < n; i++ {
		boxed[i] = [129]byte{}
	}
	runtime.GC()
	report("after-gc [129]byte filled", mapShape(boxed))
	for i := 0; i < n; i++ {
		delete(boxed, i)
	}
	runtime.GC()
	report("after-gc [129]byte emptied", mapShape(boxed))
	runtime.KeepAlive(boxed)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
