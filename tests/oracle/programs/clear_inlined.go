// clear_inlined.go — the range-delete idiom in a small function gc inlines.
//
// clearMap is inlined into main; in its inlined body gc 1.19 no longer recognises
// `for k := range m { delete(m, k) }` as mapclear (go tool objdump shows mapiterinit and
// mapdelete_fast64 in main), so the overflow buckets stay: real Go 1.19 prints ≈ 19 600 KB
// after the GC, where a cleared map leaves ≈ 18 800 KB (with //go:noinline on clearMap).
// gomapsim: a tiny function counts as inlined (compiler.cpp tiny_leaf) and its OpMClear
// deletes key by key under Go 1.19 (runtime::Profile::clear_idiom_when_inlined). From Go 1.20
// gc builds inlined bodies through the unified IR and clears there too: real Go 1.21, 1.22 and
// 1.23 print ≈ 18 800 KB, and Go 1.24 clears either way.
package main

import (
	"fmt"
	"runtime"
)

func clearMap(m map[int][128]byte) {
	for k := range m {
		delete(m, k)
	}
}

func main() {
	m := make(map[int][128]byte)
	for i := 0; i < 90_000; i++ {
		m[i] = [128]byte{}
	}
	clearMap(m)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc cleared: Alloc=%d KB %s\n", ms.Alloc/1024, mapShape(m))
	runtime.KeepAlive(m)
}
