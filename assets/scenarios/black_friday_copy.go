// black_friday_copy.go — the article's cure for a map that never shrinks: copy it.
//
// A customer cache (map[int][128]byte) peaks at 300 000 entries on Black Friday, then shrinks to
// 1 000 live entries. Deleting keys keeps every bucket, so Alloc stays at the peak's bucket memory.
// Copying the survivors into a fresh map sized for them and dropping the old one (cache = fresh)
// frees it at the next GC — until then both maps are counted ("copied"). (Seed article 000,
// "recreate the map"; engine/maps/README.md, "Delete (classic)", "Delete and tombstones (Swiss)".)
// NumGC is not printed: Go 1.24 runs 8 or 9 automatic cycles during the fill, by timing.
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; 3 runs, a/b = values
// that differed between runs):
//
//	Go 1.19.8:
//	  start: Alloc=43/41 KB TotalAlloc=43/41 KB
//	  after-gc peak: Alloc=75142/75140 KB TotalAlloc=161406/161538/161332 KB len=300000 B=16
//	  after-gc days later: Alloc=75142/75141 KB TotalAlloc=161407/161539/161333 KB len=1000 B=16
//	  copied: Alloc=75439/75437 KB TotalAlloc=161703/161836/161629 KB len=1000 B=8
//	  after-gc copied: Alloc=340/338 KB TotalAlloc=161703/161836/161629 KB len=1000 B=8
//	Go 1.24.4:
//	  start: Alloc=47 KB TotalAlloc=47 KB
//	  after-gc peak: Alloc=73795 KB TotalAlloc=147549 KB len=300000 dirLen=512 tables=512
//	  after-gc days later: Alloc=73795/73796 KB TotalAlloc=147549/147550 KB len=1000 dirLen=512 tables=512
//	  copied: Alloc=74084/74090/74089 KB TotalAlloc=147838/147843 KB len=1000 dirLen=2 tables=2
//	  after-gc copied: Alloc=335/340 KB TotalAlloc=147838/147844 KB len=1000 dirLen=2 tables=2
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
