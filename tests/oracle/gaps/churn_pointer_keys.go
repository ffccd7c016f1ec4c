// churn_pointer_keys.go — assets/scenarios/churn_swiss.go with pointer keys: 1 400 entries,
// 500 000 rounds of delete the oldest / insert a new *session.
//
// Real Go (3 runs each, 2026-12-06): after the churn 8 tables on 1.24, 1.25 and 1.26, 4 on
// 1.27 (Alloc 208–229 KB, then 152–157 KB on 1.27); int32 keys split to 8 tables on 1.24
// only. gomapsim: 8 on 1.24, 4 on 1.25–1.27. A guess to check: a new session can take the
// address of one the GC just freed, whose key's tombstone the insert then reuses — real Go's
// address reuse decides how many tombstones pile up, and gomapsim's heap reuses addresses in
// another order.
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
