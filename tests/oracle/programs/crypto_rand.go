// crypto_rand.go — crypto/rand.Read filling byte slices (tokens, keys, IDs). What it costs:
//
//   - up to Go 1.23 Read is io.ReadFull(Reader, b) through an interface, so b escapes: each
//     make([]byte, 32) read into is a 32-byte malloc; from Go 1.24 (crypto/internal/sysrand)
//     nothing escapes and none of them allocate (an [8]byte read through arr[:] moves to the
//     heap up to 1.23, 8 B a read, real Go and gomapsim: array_slice_escape.go)
//   - the first Read starts a timer for the blocked-entropy warning (time.AfterFunc): 2
//     mallocs, 88 B up to 1.22, 128 B on 1.23; 3 mallocs, 304 B from 1.24
//
// The bytes themselves are not printed (gomapsim draws them from the run's seed).
//
// From Go 1.24 the 100 reads allocate nothing, but the runtime's own background work sometimes
// lands one 48-byte object in that window: clean-clone CI runs read a median of 1 malloc /
// 48 B on 1.26 and on 1.27 (0 in the other runs and in gomapsim): ±1 / ±48 there.
// oracle: go1.24+ tol Mallocs ±1 lines 2
// oracle: go1.24+ tol TotalAlloc ±48 lines 2
package main

import (
	"crypto/rand"
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func main() {
	runtime.GC()
	runtime.ReadMemStats(&ms)
	a, t := ms.Mallocs, ms.TotalAlloc
	b := make([]byte, 16)
	n, err := rand.Read(b)
	runtime.ReadMemStats(&ms)
	fmt.Println("first read:", n, err, "Mallocs", ms.Mallocs-a, "TotalAlloc", ms.TotalAlloc-t)
	runtime.ReadMemStats(&ms)
	a, t = ms.Mallocs, ms.TotalAlloc
	for i := 0; i < 100; i++ {
		c := make([]byte, 32)
		rand.Read(c)
	}
	runtime.ReadMemStats(&ms)
	fmt.Println("100 tokens: Mallocs", ms.Mallocs-a, "TotalAlloc", ms.TotalAlloc-t)
	runtime.ReadMemStats(&ms)
	a, t = ms.Mallocs, ms.TotalAlloc
	key := make([]byte, 4096)
	rand.Read(key)
	runtime.ReadMemStats(&ms)
	fmt.Println("4 KiB key: Mallocs", ms.Mallocs-a, "TotalAlloc", ms.TotalAlloc-t, "len", len(key))
}
