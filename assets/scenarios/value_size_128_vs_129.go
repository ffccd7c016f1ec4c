// value_size_128_vs_129.go — one byte more per value, a very different heap.
//
// Values up to 128 bytes live inside the buckets (groups in Go 1.24); from 129 bytes on the map
// stores an 8-byte pointer and allocates every value as its own heap object (a 129-byte value
// takes a 144-byte size-class slot). So map[int][128]byte has big buckets that never shrink,
// while map[int][129]byte has small buckets and its values are freed by delete + GC.
// (engine/maps/README.md, "Bucket layout and size (classic)", "Group layout and size (Swiss)".)
// mapShape is a playground builtin; the oracle harness supplies it for real Go. (NumGC is not
// printed: Go 1.24 runs 12 or 13 automatic cycles while filling, by timing.)
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; 3 runs, a/b = values
// that differed between runs):
//
//	Go 1.19.8:
//	  start: Alloc=41/43 KB TotalAlloc=41/43 KB
//	  after-gc [128]byte filled: Alloc=19526/19599/19642 KB TotalAlloc=41051/41234/41212 KB len=90000 B=14
//	  after-gc [128]byte emptied: Alloc=19526/19599/19642 KB TotalAlloc=41051/41235/41213 KB len=0 B=14
//	  after-gc [128]byte dropped: Alloc=42/44 KB TotalAlloc=41052/41235/41213 KB
//	  after-gc [129]byte filled: Alloc=15244/15242 KB TotalAlloc=59042/59221/59196 KB len=90000 B=14
//	  after-gc [129]byte emptied: Alloc=2588/2587/2586 KB TotalAlloc=59042/59221/59197 KB len=0 B=14
//	Go 1.24.4:
//	  start: Alloc=47 KB TotalAlloc=47 KB
//	  after-gc [128]byte filled: Alloc=18483 KB TotalAlloc=36926/36925 KB len=90000 dirLen=128 tables=128
//	  after-gc [128]byte emptied: Alloc=18484 KB TotalAlloc=36926 KB len=0 dirLen=128 tables=128
//	  after-gc [128]byte dropped: Alloc=47/46 KB TotalAlloc=36927/36926 KB
//	  after-gc [129]byte filled: Alloc=15017/15016/15011 KB TotalAlloc=54207/54202 KB len=90000 dirLen=128 tables=128
//	  after-gc [129]byte emptied: Alloc=2361/2356 KB TotalAlloc=54208/54207/54203 KB len=0 dirLen=128 tables=128
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 90_000
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
