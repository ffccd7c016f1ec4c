// A sync.Map used as a cache of 5 000 entries: each round deletes the oldest key and stores
// a new one. How much memory do 100 000 rounds of that churn leave behind?
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var cache sync.Map

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc %s: HeapAlloc=%d KB HeapObjects=%d TotalAlloc=%d KB\n",
		step, ms.HeapAlloc/1024, ms.HeapObjects, ms.TotalAlloc/1024)
}

func main() {
	const n = 5_000
	for i := 0; i < n; i++ {
		cache.Store(i, i)
	}
	report("filled")
	for r := 0; r < 100_000; r++ {
		cache.Delete(r)
		cache.Store(r+n, r)
		if (r+1)%25_000 == 0 {
			report(fmt.Sprint(r+1, " rounds"))
		}
	}
	entries := 0
	cache.Range(func(k, v any) bool {
		entries++
		return true
	})
	fmt.Println("entries:", entries)
}
