// Empty a map with the range-delete idiom, refill it, then replace it with make():
// which step gives memory back?
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 90_000
	report("start", "")

	m := make(map[int][128]byte)
	for i := 0; i < n; i++ {
		m[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc filled", mapShape(m))

	for k := range m {
		delete(m, k)
	}
	runtime.GC()
	report("after-gc cleared", mapShape(m))

	for i := n; i < 2*n; i++ {
		m[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc refilled", mapShape(m))

	m = make(map[int][128]byte)
	runtime.GC()
	report("after-gc fresh make", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
