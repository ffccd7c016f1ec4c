// 100 000 users, each with a tiny map of 2 settings, against one big map holding all
// the same settings. What does a map cost before its first entry?
package main

import (
	"fmt"
	"runtime"
)

type key struct {
	user    int32
	setting int32
}

var (
	perUser []map[int32]int32
	shared  map[key]int32
)

func main() {
	users := 100_000
	before := alloc()
	perUser = make([]map[int32]int32, users)
	for u := range perUser {
		perUser[u] = map[int32]int32{1: 1, 2: 0}
	}
	report("after-gc one map per user", before, users)
	perUser = nil

	before = alloc()
	shared = make(map[key]int32)
	for u := 0; u < users; u++ {
		shared[key{int32(u), 1}] = 1
		shared[key{int32(u), 2}] = 0
	}
	report("after-gc one shared map", before, users)
}

// alloc is the live heap in bytes after a GC.
func alloc() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.Alloc
}

func report(step string, before uint64, users int) {
	grown := alloc() - before
	fmt.Printf("%s: +%d KB, per user: %d bytes\n", step, grown/1024, grown/uint64(users))
}
