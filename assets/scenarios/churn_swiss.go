// A map that always holds 1 400 entries: each round deletes the oldest key and inserts a
// new one. len never changes; does the map?
package main

import (
	"fmt"
	"runtime"
)

var ids map[int32]int32

func main() {
	const n = 1400
	ids = make(map[int32]int32)
	for i := 0; i < n; i++ {
		ids[int32(i)] = int32(i)
	}
	report("after-gc filled")
	for r := 0; r < 500_000; r++ {
		delete(ids, int32(r))
		ids[int32(r+n)] = int32(r)
		if (r+1)%250_000 == 0 {
			report(fmt.Sprint("after-gc ", r+1, " rounds"))
		}
	}
}

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB %s\n", step, ms.Alloc/1024, mapShape(ids))
}
