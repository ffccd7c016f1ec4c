// A cache peaks at 300 000 entries, then shrinks to 1 000. Deleting keeps the memory;
// copying the survivors into a new map and dropping the old one gives it back.
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
