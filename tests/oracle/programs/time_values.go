// time_values.go — a TTL cache: time.Time in map values, time.Duration arithmetic.
//
// time.Time is 24 bytes and holds a pointer (its *Location), so an entry with one is
// scanned by the GC and its bucket is sized for it: map[int]entry with a 40-byte payload
// has 64-byte values (bucket 592 B on Go 1.19). Expiry is computed from the insertion
// index, not from the clock, so real Go and gomapsim print the same; the simulator's clock
// (2009-11-10 23:00:00 UTC, moved only by time.Sleep, as on the Go playground) is not printed.
package main

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"
)

type entry struct {
	payload [40]byte
	expires time.Time
}

func report(step string, m map[int]entry) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB %s\n", step, ms.Alloc/1024, mapShape(m))
}

func main() {
	fmt.Println("sizes:", unsafe.Sizeof(time.Time{}), unsafe.Sizeof(entry{}), unsafe.Sizeof(time.Second))
	n := 90_000
	base := time.Now()
	cache := make(map[int]entry)
	for i := 0; i < n; i++ {
		cache[i] = entry{expires: base.Add(time.Duration(i) * time.Second)}
	}
	runtime.GC()
	report("after-gc filled", cache)
	cutoff := base.Add(time.Duration(n/3) * time.Second)
	expired := 0
	for k, e := range cache {
		if e.expires.Before(cutoff) {
			delete(cache, k)
			expired++
		}
	}
	runtime.GC()
	report("after-gc expired", cache)
	fmt.Println("expired:", expired, "ttl of the last:", cache[n-1].expires.Sub(base), "cutoff:", cutoff.Sub(base))
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept at least 20ms:", time.Since(base) >= 20*time.Millisecond)
	d := 90*time.Minute + 1500*time.Millisecond
	fmt.Println(d, d.Seconds(), d.Minutes(), d.Milliseconds(), time.Duration(1500), -d)
	fmt.Printf("%v %s %d %T\n", time.Microsecond*2, 3*time.Hour, time.Millisecond, d)
	runtime.KeepAlive(cache)
}
