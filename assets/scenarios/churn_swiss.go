// A map that always holds 1 400 entries: each round deletes the oldest key and inserts a
// new one. len never changes; does the map? The same churn with pointer keys beside it.
package main

import (
	"fmt"
	"runtime"
)

type session struct {
	id   int
	user string
}

var ids map[int32]int32
var sessions map[*session]int32

func main() {
	const n = 1400
	ids = make(map[int32]int32)
	sessions = make(map[*session]int32)
	live := make([]*session, n) // the n newest sessions, the oldest at r%n
	for i := 0; i < n; i++ {
		ids[int32(i)] = int32(i)
		live[i] = &session{id: i}
		sessions[live[i]] = int32(i)
	}
	report("after-gc filled")
	for r := 0; r < 500_000; r++ {
		delete(ids, int32(r))
		ids[int32(r+n)] = int32(r)
		delete(sessions, live[r%n])
		live[r%n] = &session{id: r + n}
		sessions[live[r%n]] = int32(r)
		if (r+1)%250_000 == 0 {
			report(fmt.Sprint("after-gc ", r+1, " rounds"))
		}
	}
}

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB\n", step, ms.Alloc/1024)
	fmt.Printf("  int32 keys:   %s\n", mapShape(ids))
	fmt.Printf("  pointer keys: %s\n", mapShape(sessions))
}
