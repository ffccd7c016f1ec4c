// string_keys.go — map[string]int: the keys are heap strings the buckets point to.
//
// 90 000 keys "user-N" (built with strconv, each a small heap string), then half of them
// deleted, then the rest. Buckets hold 16-byte string headers (classic bucket 208 B, Swiss
// group 200 B), deleting clears the header so the string becomes garbage; the buckets stay.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func main() {
	n := 90_000
	report("start", "")
	m := make(map[string]int)
	for i := 0; i < n; i++ {
		m["user-"+strconv.Itoa(i)] = i
	}
	runtime.GC()
	report("after-gc filled", mapShape(m))
	for i := 0; i < n; i += 2 {
		delete(m, "user-"+strconv.Itoa(i))
	}
	runtime.GC()
	report("after-gc half deleted", mapShape(m))
	for i := 1; i < n; i += 2 {
		delete(m, "user-"+strconv.Itoa(i))
	}
	runtime.GC()
	report("after-gc all deleted", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
