// map[int][128]byte and map[int][129]byte, filled, emptied and dropped: one byte more per value.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 90_000
	report("start", "")

	inline := make(map[int][128]byte)
	for i := 0; i < n; i++ {
		inline[i] = [128]byte{}
	}
	runtime.GC()
	report("after-gc [128]byte filled", mapShape(inline))
	for i := 0; i < n; i++ {
		delete(inline, i)
	}
	runtime.GC()
	report("after-gc [128]byte emptied", mapShape(inline))
	runtime.KeepAlive(inline)
	inline = nil
	runtime.GC()
	report("after-gc [128]byte dropped", "")

	boxed := make(map[int][129]byte)
	for i := 0; i < n; i++ {
		boxed[i] = [129]byte{}
	}
	runtime.GC()
	report("after-gc [129]byte filled", mapShape(boxed))
	for i := 0; i < n; i++ {
		delete(boxed, i)
	}
	runtime.GC()
	report("after-gc [129]byte emptied", mapShape(boxed))
	runtime.KeepAlive(boxed)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
