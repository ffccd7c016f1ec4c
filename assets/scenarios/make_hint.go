// Fill a map of 75 000 int keys without and with a size hint to make().
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 75_000
	report("start", "")

	grown := make(map[int]int)
	for i := 0; i < n; i++ {
		grown[i] = i
	}
	report("no hint, filled", mapShape(grown))
	runtime.GC()
	report("after-gc no hint", mapShape(grown))
	runtime.KeepAlive(grown)
	grown = nil
	runtime.GC()
	report("after-gc dropped", "")

	sized := make(map[int]int, n)
	report("hint, empty", mapShape(sized))
	for i := 0; i < n; i++ {
		sized[i] = i
	}
	report("hint, filled", mapShape(sized))
	runtime.GC()
	report("after-gc hint", mapShape(sized))
	runtime.KeepAlive(sized)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
}
