// partial_delete_reinsert.go — delete half, reinsert other keys: the map reuses its slots.
//
// 180 000 int keys, every odd key deleted, then 45 000 NEW keys inserted, then every even key deleted.
// len goes 180 000 → 90 000 → 135 000 → 45 000; the classic map keeps B and reuses emptied slots (new
// keys in other chains may add overflow buckets); the Swiss map reuses empty slots and tombstones on
// the probe path. (engine/maps/README.md, "Delete (classic)", "Insert: PutSlot, grow and split
// (Swiss)", "Delete and tombstones (Swiss)".) Refilling to full size instead would make Go 1.24 split
// a random few tables (259–262 tables in 3 runs): tombstones eat the tables' growth budget.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 180_000
	report("start", "")
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	runtime.GC()
	report("after-gc filled", mapShape(m))
	for i := 1; i < n; i += 2 {
		delete(m, i)
	}
	runtime.GC()
	report("after-gc odd deleted", mapShape(m))
	for i := n; i < n+n/4; i++ {
		m[i] = i
	}
	runtime.GC()
	report("after-gc new keys", mapShape(m))
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	runtime.GC()
	report("after-gc even deleted", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
