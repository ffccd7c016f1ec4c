// log_buffer.go — what log costs per call, before and after Go 1.21.
//
// Up to Go 1.20 log.Printf makes its message with fmt.Sprintf (a string per call) and copies it
// into the Logger's own buffer (l.buf, kept and reused). From Go 1.21 it formats with
// fmt.Appendf straight into a buffer from a sync.Pool (log/log.go getBuffer/putBuffer): after
// the first call, a line costs nothing. Both take fmt's printer (fmt_printer.go).
// log.SetFlags(0): with the date and time, the first call also loads the local time zone
// (time.Local, from /etc/localtime: time_local.go).
// Real Go, 3 runs per release, every run alike: 1.19 first call 5 mallocs / 144 B (its printer's
// buffer, the string, the Logger's buffer), then 1 / 32 B each (the string); 1.21+ first call
// 7 / 416 B (the pool's array, allPools, the *[]byte and its array), then none.
// The line after runtime.GC() depends on the P the goroutine resumes on (fmt_printer.go): real
// runs read 3–9 mallocs, 280–2 360 B, over 24 runs; it is not compared.
// oracle: tol MallocsAfterGC skip
// oracle: tol BytesAfterGC skip
package main

import (
	"fmt"
	"log"
	"runtime"
)

func main() {
	var a, b runtime.MemStats
	log.SetFlags(0)
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	log.Printf("first line: %d entries", 1000)
	runtime.ReadMemStats(&b)
	fmt.Printf("first log call: Mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	runtime.ReadMemStats(&a)
	log.Printf("second line: %d entries", 2000)
	runtime.ReadMemStats(&b)
	fmt.Printf("second log call: Mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		log.Printf("line %d of the loop", i)
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("100 log calls: Mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	runtime.GC()
	runtime.ReadMemStats(&a)
	log.Println("after a GC")
	runtime.ReadMemStats(&b)
	fmt.Printf("after GC: MallocsAfterGC=%d BytesAfterGC=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
}
