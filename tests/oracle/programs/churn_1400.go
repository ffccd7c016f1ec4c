// churn_1400.go — golang/go#70886: a map of 1 400 entries churned one delete + one insert at
// a time, a million rounds, printed the way a blog reader prints memory.
//
// 1 400 keys make two 1024-slot tables of ~700 each (the README's rule for Swiss maps).
// Every delete in a full group leaves a tombstone, and every tombstone uses up growthLeft:
// Go 1.24 rehashes such a table as if it were full and splits it, until the map has enough
// tables that tombstones no longer fill any (real: 8 tables, +56 KB, within the first 250 000
// rounds). From Go 1.25 a table out of growthLeft first empties the tombstones no probe
// sequence needs (table.pruneTombstones) and grows only when that frees less than 10 % of
// it: one or two splits, then nothing (+20 KB). TotalAlloc says the same: after the first
// quarter nothing more is allocated but fmt's own buffers.
// Real Go (5 runs of each release; 1.24.4, 1.25.12, 1.26.10, 1.27.3): Alloc after the fill
// 61–81 KB, then 117–122 KB (1.24) or 82–101 KB (1.25+) at every quarter; Mallocs and Frees
// after the fill repeat to ±7, but each report then adds 5 or 10 objects: fmt's printer
// (sync.Pool keeps it in a per-P slot) is made again, with its buffer, whenever main resumes
// on the other P after runtime.GC(). Over the million rounds real Go spreads by 12 % in Mallocs
// and 21 % in Frees, and gomapsim, which reuses the printer, is up to 19 % and 28 % low.
// Up to Go 1.23 (buckets) the overflow buckets a churn leaves follow the hash seed: two
// clean-clone CI runs read Alloc 67–86 KB on 1.19 and 64–78 on 1.22 at the same quarter
// (gomapsim 83 and 74): ±24 KB there.
// oracle: go1.19-1.23 tol Alloc ±24 lines 2-5
// oracle: tol Mallocs 25%
// oracle: tol Frees 35%
package main

import (
	"fmt"
	"runtime"
)

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc %s: Alloc=%d KB TotalAlloc=%d KB Mallocs=%d Frees=%d NumGC=%d\n",
		step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.Mallocs, ms.Frees, ms.NumGC)
}

func main() {
	const n = 1400
	m := make(map[int32]int32)
	for i := 0; i < n; i++ {
		m[int32(i)] = int32(i)
	}
	report("fill")
	for r := 0; r < 1_000_000; r++ {
		delete(m, int32(r))
		m[int32(r+n)] = int32(r)
		if (r+1)%250_000 == 0 {
			report(fmt.Sprint(r+1, " rounds"))
		}
	}
	fmt.Println("len:", len(m), mapShape(m))
}
