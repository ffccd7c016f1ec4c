// churning_cache.go — a cache that never grows in length but keeps reallocating.
//
// A sliding window of 3 000 customer IDs (map[int][128]byte): each step inserts a new ID and deletes
// the one inserted 3 000 steps earlier; 1 500 000 steps. len stays at 3 000, so a classic map never
// doubles (B stays 9) — but new keys land in fresh overflow buckets while the deleted ones leave
// empty slots behind, until the overflow count forces a SAME-SIZE grow: a new bucket array of the
// same B (engine/maps/README.md, "Growth triggers (classic)"; golang/go#16070). TotalAlloc keeps
// climbing while the live size stays flat. Go 1.24 has no same-size rehash: deletes in full groups
// leave tombstones and a table full of them grows or splits instead (same README, "Delete and
// tombstones (Swiss)"): it settles at 16 tables and then allocates almost nothing.
//
// The live size after a GC is a sawtooth (overflow buckets pile up, a same-size grow drops
// them), so one sample depends on where the random hash put the last grow; the program prints
// the mean of 100 forced-GC samples instead, which real Go repeats within a few percent.
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; 3 runs, a/b = values
// that differed between runs):
//
//	Go 1.19.8:
//	  start: TotalAlloc=41 KB NumGC=0
//	  step 500000: TotalAlloc=17443/16577/16296 KB NumGC=33 len=3000 B=9
//	  step 1000000: TotalAlloc=33533/33458/31330 KB NumGC=66 len=3000 B=9
//	  step 1500000: TotalAlloc=50255/49338/47235 KB NumGC=100 len=3000 B=9
//	  mean post-GC Alloc=1054/1067/1081 KB over 100 GCs
//	Go 1.24.4:
//	  start: TotalAlloc=48/47 KB NumGC=0
//	  step 500000: TotalAlloc=4666 KB NumGC=33 len=3000 dirLen=16 tables=16
//	  step 1000000: TotalAlloc=4667/4666 KB NumGC=66 len=3000 dirLen=16 tables=16
//	  step 1500000: TotalAlloc=4668/4667 KB NumGC=100 len=3000 dirLen=16 tables=16
//	  mean post-GC Alloc=2271/2272 KB over 100 GCs
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
