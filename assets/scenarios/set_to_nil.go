// set_to_nil.go — dropping the last reference is what frees a map.
//
// A package-level map of 100 000 int → int entries. Deleting every key frees nothing
// (the buckets stay: Go 1.19 B = 14). Setting the variable to nil makes the whole map
// unreachable, and the next GC takes all of it. A new map assigned to the same variable starts
// from scratch. (Seed article 003, scenes 1–2; go-runtime-facts.md §1.10, §2.8.)
//
// Real Go, linux/amd64, GOMAXPROCS=2 (KB = bytes/1024, 3 runs):
//   Go 1.19.8: FIGURES119
//   Go 1.24.4: FIGURES124
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
