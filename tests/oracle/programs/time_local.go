// time_local.go — the first dated log line loads the local time zone.
//
// log's default flags (LstdFlags: date and time) make the first log line load time.Local
// (time/zoneinfo_unix.go initLocal): syscall's copy of the environment as a map, the path,
// the zone file read into a buffer, and the zone's tables. Time.String loads it too, once.
// With the oracle's environment (GOMAXPROCS=2 only) and /etc/localtime = UTC (Debian's
// default, the Go playground's zone), real Go 1.19–1.27 all read: the load 10 mallocs /
// 592 B, most of it kept for ever (localLoc's tables, syscall's environment map). Another
// zone file reads other figures: the zone's size shows in them. Time.String then costs 3 mallocs (Format's string,
// the monotonic " m=…" and their concatenation); their bytes follow the clock (not compared:
// the simulator's clock is the Go playground's, not the machine's); fmt.Sprint(t) boxes t
// (24 B), calls String (3) and makes its own string: 5.
package main

import (
	"fmt"
	"log"
	"runtime"
	"time"
)

func main() {
	var a, b runtime.MemStats
	fmt.Println("start")
	log.SetFlags(log.LUTC | log.LstdFlags)
	runtime.ReadMemStats(&a)
	log.Println("a line in UTC")
	runtime.ReadMemStats(&b)
	fmt.Printf("UTC log line: Mallocs=%d\n", b.Mallocs-a.Mallocs)

	log.SetFlags(log.LstdFlags)
	runtime.ReadMemStats(&a)
	log.Println("a dated line")
	runtime.ReadMemStats(&b)
	fmt.Printf("first dated log line: Mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	runtime.ReadMemStats(&a)
	log.Println("another dated line")
	runtime.ReadMemStats(&b)
	fmt.Printf("second dated log line: Mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	t := time.Now()
	runtime.ReadMemStats(&a)
	_ = t.String()
	runtime.ReadMemStats(&b)
	fmt.Printf("Time.String once the zone is loaded: Mallocs=%d\n", b.Mallocs-a.Mallocs)

	runtime.ReadMemStats(&a)
	_ = fmt.Sprint(t)
	runtime.ReadMemStats(&b)
	fmt.Printf("fmt.Sprint(t): Mallocs=%d\n", b.Mallocs-a.Mallocs)
}
