// set_to_nil.go — dropping the last reference is what frees a map.
//
// A package-level map of 100 000 int → int entries. Deleting every key frees nothing
// (the buckets stay: Go 1.19 B = 14). Setting the variable to nil makes the whole map
// unreachable, and the next GC takes all of it. A new map assigned to the same variable starts
// from scratch. (Seed article 003, scenes 1–2; go-runtime-facts.md §1.10, §2.8.)
//
// Real Go, linux/amd64, environment GOMAXPROCS=2 only (KB = bytes/1024; 3 runs, a/b = values
// that differed between runs):
//
//	Go 1.19.8:
//	  start: Alloc=41/43 KB TotalAlloc=41/43 KB NumGC=0
//	  after-gc filled: Alloc=2758/2744/2759 KB TotalAlloc=5679/5668/5671 KB NumGC=2 len=100000 B=14
//	  after-gc emptied: Alloc=2759/2745/2760 KB TotalAlloc=5679/5668/5672 KB NumGC=3 len=0 B=14
//	  after-gc set to nil: Alloc=42/44 KB TotalAlloc=5680/5669/5673 KB NumGC=4 len=0 B=0
//	  after-gc new small map: Alloc=42/44 KB TotalAlloc=5681/5670/5673 KB NumGC=5 len=10 B=1
//	Go 1.24.4:
//	  start: Alloc=47 KB TotalAlloc=47 KB NumGC=0
//	  after-gc filled: Alloc=2355 KB TotalAlloc=4667 KB NumGC=2 len=100000 dirLen=128 tables=128
//	  after-gc emptied: Alloc=2356/2355 KB TotalAlloc=4668 KB NumGC=3 len=0 dirLen=128 tables=128
//	  after-gc set to nil: Alloc=46 KB TotalAlloc=4669/4668 KB NumGC=4 len=0 dirLen=0 tables=0
//	  after-gc new small map: Alloc=47/46 KB TotalAlloc=4669/4670 KB NumGC=5 len=10 dirLen=1 tables=1
package main

import (
	"fmt"
	"runtime"
)

var users map[int]int

func main() {
	n := 100_000
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
