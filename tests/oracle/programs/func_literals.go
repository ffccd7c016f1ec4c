// func_literals.go — function literals as blog snippets use them: a printAlloc helper, a fill
// step that captures the map, a clear step called at once.
//
// A literal that is only called allocates nothing and captures variables by reference. The
// range-delete idiom inside a literal, on the map it captured, is not turned into mapclear by
// gc 1.19 (the overflow buckets stay until the map is refilled or dropped); gc 1.21–1.23 clear
// it (≈ 18 800 KB after the GC, where 1.19 keeps ≈ 19 600 KB); with Go 1.24's maps the idiom
// and the delete loop end the same.
// oracle: after-gc lines 3 5
// Go 1.24's Alloc right after the fill depends on where the last automatic GC fell among
// the table splits and how long its mark ran: real runs alone spread 12 % idle, and 22 384–
// 29 013 KB in three runs of 1.27 at load 9 (gomapsim 18 783, one cycle later), so it gets 40 %.
// oracle: go1.24+ tol Alloc 40% lines 2
// For the same reason Go 1.24's count of automatic cycles differs by one between real runs
// after the fill, and by more under load (the mark stretches): real Go 6, 7, 7, 8 in three idle CI runs on
// 1.24–1.27, gomapsim 5, 6, 6, 7 on 1.24–1.25 and the same on 1.26+: ±2.
// oracle: go1.24+ tol NumGC ±2
// Up to 1.23 the count is steady on an idle machine (real 4 at line 2 in every earlier CI);
// a clean-clone CI at a load average of 13 read 3 on 1.22 in three runs of three (the mark
// stretched over what would have been the next trigger), as gogc_400 did on 1.19: ±1 there.
// oracle: go1.19-1.23 tol NumGC ±1
package main

import (
	"fmt"
	"runtime"
)

func main() {
	report := func(step string, shape string) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
	}
	m := make(map[int][128]byte)
	fill := func(from, to int) int {
		for i := from; i < to; i++ {
			m[i] = [128]byte{}
		}
		return len(m)
	}
	report("start", "")
	n := fill(0, 90_000)
	report("filled", mapShape(m))
	runtime.GC()
	report("after-gc filled", mapShape(m))
	func() {
		for k := range m {
			delete(m, k)
		}
	}()
	fmt.Println("entries before:", n, "after:", len(m))
	report("cleared", mapShape(m))
	runtime.GC()
	report("after-gc cleared", mapShape(m))
	fmt.Println("refilled:", fill(0, 45_000))
	runtime.KeepAlive(m)
}
