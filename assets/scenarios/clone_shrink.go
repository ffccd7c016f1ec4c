// Fill a map with 100 000 entries, delete all but 10, then clone it with maps.Clone and
// drop the original: is the clone as small as its 10 entries?
package main

import (
	"fmt"
	"maps"
	"runtime"
)

func main() {
	m := make(map[int]int)
	for i := 0; i < 100_000; i++ {
		m[i] = i
	}
	report("after-gc filled", len(m))

	for i := 10; i < 100_000; i++ {
		delete(m, i)
	}
	report("after-gc deleted", len(m))

	clone := maps.Clone(m)
	m = nil
	report("after-gc cloned, original dropped", len(clone))
	runtime.KeepAlive(clone)
}

func report(step string, entries int) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB entries=%d\n", step, ms.Alloc/1024, entries)
}
