// churn_pointer_keys.go — assets/scenarios/churn_swiss.go with pointer keys: 1 400 entries,
// 500 000 rounds of delete the oldest / insert a new *session.
//
// A map keyed by one pointer word is assigned through runtime.mapassign_fast64ptr
// (cmd/compile/internal/walk/walk.go mapfast). Go 1.25 and 1.26 call table.pruneTombstones
// from PutSlot and from mapassign_fast32, fast64 and faststr, but not from fast64ptr
// (internal/runtime/maps/runtime_fast64_swiss.go in 1.25, runtime_fast64.go in 1.26): a
// churned map of pointer keys doubles and splits its tables as on Go 1.24, until tombstones
// no longer fill any (8 tables). Go 1.27's runtime_fast64.go prunes there too: 4 tables, as
// int32 keys get from 1.25 on (churn_1400.go). The order in which freed addresses are
// reused is not the cause: gomapsim hashes its own addresses, reused in its own order, and
// matches on every release. Profile: SwissRules::prune_tombstones_fast64ptr.
// Real Go (8 runs of each release, 2026-12-06; 1.19.8, 1.21.13, 1.22.12, 1.23.5, 1.24.4, 1.25.12,
// 1.26.10, 1.27.3): filled 91–121 KB, 2 tables; churned 208–215 KB / 8 tables (1.24, 1.25),
// 224–229 KB / 8 tables (1.26), 152–157 KB / 4 tables (1.27). The classic maps' churned
// Alloc is a sawtooth of overflow buckets that depends on the hash seed: 106–139 KB
// (1.19 118–135, 1.21 106–124, 1.22 106–129, 1.23 133–139), hence ±25 KB there.
// oracle: go1.19-1.23 tol Alloc ±25 lines 2
package main

import (
	"fmt"
	"runtime"
)

type session struct {
	id   int
	user *string
}

var byPtr map[*session]int

func main() {
	const n = 1400
	live := make([]*session, n) // the n newest sessions, oldest at r%n
	byPtr = make(map[*session]int)
	for i := 0; i < n; i++ {
		live[i] = &session{id: i}
		byPtr[live[i]] = i
	}
	report("after-gc pointer keys, filled")
	for r := 0; r < 500_000; r++ {
		delete(byPtr, live[r%n])
		live[r%n] = &session{id: r + n}
		byPtr[live[r%n]] = r
	}
	report("after-gc pointer keys, churned")
}

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB %s\n", step, ms.Alloc/1024, mapShape(byPtr))
}
