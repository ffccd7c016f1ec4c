// alloc_loop_cycles.go — issue 11, item 2 ("a GC that takes time"): an allocation-heavy
// loop, a million small strings appended to a slice, and how many GC cycles it takes. Each
// growslice of the slice starts a cycle whose mark scans the slice while the loop allocates
// on (black, counted in the marked bytes), so the next goal is higher than the live heap's
// and fewer cycles run than if every mark ended at once (gomapsim ran 11–13 before the mark
// took time; engine/heap/README.md, "A mark that takes time"). Real Go (run_oracle.py
// --real-only --runs 3 --go all, a load average of 19 on the 2 cores): NumGC 6–10, medians
// 9, 8, 7, 9, 8, 8, 6, 8 on 1.19, 1.21–1.27; gomapsim 8 on every release. Clean-clone CI
// runs with only the oracle running read more (an idle machine's marks end sooner, so more
// cycles start): 11, 11, 10, 11, 8, 9, 12 (median of 3) on 1.19, 1.21–1.26 in one, medians
// of 11 on 1.23 and 1.26 in another, and 4 in one run on 1.21: ±4, real Go's own spread
// between a busy and an idle machine (the mark's pace is modelled on the busy one's runs:
// engine/heap/README.md, "A mark that takes time").
// oracle: tol NumGC ±4
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func main() {
	var s []string
	for i := 0; i < 1000000; i++ {
		s = append(s, "item-"+strconv.Itoa(i))
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("len", len(s), "NumGC", ms.NumGC)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after-gc HeapAlloc", ms.HeapAlloc/1024, "KB")
	runtime.KeepAlive(s)
}
