// A package-level map of 90 000 entries: delete every key, then set it to nil.
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
