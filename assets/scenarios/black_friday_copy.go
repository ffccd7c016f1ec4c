// black_friday_copy.go — the article's cure for a map that never shrinks: copy it.
//
// A customer cache (map[int][128]byte) peaks at 300 000 entries on Black Friday, then shrinks
// to 1 000 live entries. Deleting keys keeps every bucket, so Alloc stays at the peak's bucket
// memory. Copying the survivors into a fresh map sized for them and dropping the old one
// (cache = fresh) frees it at the next GC — until then both maps are counted ("copied").
// (Seed article 000, "recreate the map"; go-runtime-facts.md §1.10, §2.8.) NumGC is not
// printed: Go 1.24 runs 8 or 9 automatic cycles during the fill, by timing.
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
	peak := 300_000
	keep := 1_000
	report("start", "")

	cache := make(map[int][128]byte)
	for i := 0; i < peak; i++ {
		cache[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc peak", mapShape(cache))

	for i := keep; i < peak; i++ {
		delete(cache, i)
	}
	runtime.GC()
	report("after-gc days later", mapShape(cache))

	fresh := make(map[int][128]byte, len(cache))
	for k, v := range cache {
		fresh[k] = v
	}
	cache = fresh
	report("copied", mapShape(cache))
	runtime.GC()
	report("after-gc copied", mapShape(cache))
	runtime.KeepAlive(cache)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
