// make_hint.go — what a size hint to make() saves.
//
// Without a hint the map starts empty and doubles as it fills (Go 1.19: B = 0 → 14 for 75 000
// int keys; Go 1.24: one table splitting into 128): every outgrown bucket array / table is
// garbage, so TotalAlloc ends far above the live size. With make(map[int]int, n) the final
// size is allocated at once (Go 1.19 B = 14; Go 1.24 128 tables of 1024 slots) and filling
// it allocates nothing more. (go-runtime-facts.md §1.5, §1.7, §2.5.)
//
// Real Go, linux/amd64, GOMAXPROCS=2 (KB = bytes/1024, 3 runs):
//   Go 1.19.8: FIGURES119
//   Go 1.24.4: FIGURES124
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
