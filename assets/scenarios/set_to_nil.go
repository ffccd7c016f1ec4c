// set_to_nil.go — dropping the last reference is what frees a map.
//
// A package-level map of 90 000 int → int entries. Deleting every key frees nothing (the buckets
// stay: Go 1.19 B = 14). Setting the variable to nil makes the whole map unreachable, and the next
// GC takes all of it. A new map assigned to the same variable starts from scratch. (Seed article
// 003, scenes 1–2; engine/maps/README.md, "Delete (classic)", "Delete and tombstones (Swiss)".)
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; 3 runs, a/b = values
// that differed between runs):
//
//	Go 1.19.8:
//	  start: Alloc=41 KB TotalAlloc=41 KB NumGC=0
//	  after-gc filled: Alloc=2608/2606/2605 KB TotalAlloc=5507/5484/5483 KB NumGC=2 len=90000 B=14
//	  after-gc emptied: Alloc=2608/2607/2606 KB TotalAlloc=5508/5484 KB NumGC=3 len=0 B=14
//	  after-gc set to nil: Alloc=42 KB TotalAlloc=5508/5485 KB NumGC=4 len=0 B=0
//	  after-gc new small map: Alloc=42 KB TotalAlloc=5510/5486 KB NumGC=5 len=10 B=1
//	Go 1.24.4:
//	  start: Alloc=48/47 KB TotalAlloc=48/47 KB NumGC=0
//	  after-gc filled: Alloc=2356/2355 KB TotalAlloc=4668 KB NumGC=2 len=90000 dirLen=128 tables=128
//	  after-gc emptied: Alloc=2356 KB TotalAlloc=4669 KB NumGC=3 len=0 dirLen=128 tables=128
//	  after-gc set to nil: Alloc=47/52 KB TotalAlloc=4670/4675/4669 KB NumGC=4 len=0 dirLen=0 tables=0
//	  after-gc new small map: Alloc=47/52 KB TotalAlloc=4670/4676/4671 KB NumGC=5 len=10 dirLen=1 tables=1
package main

import (
	"fmt"
	"runtime"
)

var users map[int]int

func main() {
	n := 90_000
	report("start", "")

	users = make(map[int]int)
	for i := 0; i < n; i++ {
		users[i] = i
	}
	runtime.GC()
	report("after-gc filled", mapShape(users))

	for i := 0; i < n; i++ {
		delete(users, i)
	}
	runtime.GC()
	report("after-gc emptied", mapShape(users))

	users = nil
	runtime.GC()
	report("after-gc set to nil", mapShape(users))

	users = make(map[int]int)
	for i := 0; i < 10; i++ {
		users[i] = i
	}
	runtime.GC()
	report("after-gc new small map", mapShape(users))
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
}
