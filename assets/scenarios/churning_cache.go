// A sliding window of 3 000 customer IDs: each step inserts one and deletes the oldest.
// len never changes. Does the memory?
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func main() {
	window := 3_000
	steps := 1_500_000
	report("start", "")

	cache := make(map[int][128]byte)
	var ms runtime.MemStats
	sum := uint64(0)
	samples := uint64(0)
	for i := 0; i < steps; i++ {
		cache[i] = [128]byte{}
		if i >= window {
			delete(cache, i-window)
		}
		if (i+1)%15_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			sum += ms.Alloc
			samples++
		}
		if (i+1)%500_000 == 0 {
			report("step "+strconv.Itoa(i+1), mapShape(cache))
		}
	}
	fmt.Printf("mean post-GC Alloc=%d KB over %d GCs\n", sum/samples/1024, samples)
	runtime.KeepAlive(cache)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: TotalAlloc=%d KB NumGC=%d %s\n", step, ms.TotalAlloc/1024, ms.NumGC, shape)
}
