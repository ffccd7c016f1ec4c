// rand_source.go — a seeded generator of one's own: what rand.New(rand.NewSource(seed)) costs.
//
// rand.NewSource allocates its whole lagged-Fibonacci state up front (rngSource: 607 int64s
// and two ints, 4 872 B, the 5 376-byte size class), always on the heap; rand.New wraps it
// in a 48-byte Rand, on the heap here because the *Rand is kept in a global. Drawing numbers
// allocates nothing. The numbers are Go's rngSource's (engine/lang/math_rand.h): their sum
// is printed.
// oracle: mem TotalAlloc
// oracle: nofloor TotalAlloc
// oracle: unit B
// oracle: mem freed
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

var rng *rand.Rand
var sources []rand.Source

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	rng = rand.New(rand.NewSource(2024))
	runtime.ReadMemStats(&b)
	fmt.Printf("one generator: Mallocs = %d, TotalAlloc = %d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	vals := make([]int, 1000)
	runtime.ReadMemStats(&a)
	for i := range vals {
		vals[i] = rng.Intn(100) + int(rng.Int63()%2) + int(rng.Float64())
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("1000 draws: Mallocs = %d, TotalAlloc = %d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)

	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		sources = append(sources, rand.NewSource(int64(i)))
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("100 sources: Mallocs = %d, TotalAlloc = %d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
	fmt.Println("source 7 draws", sources[7].Int63(), sources[7].Int63())
	runtime.GC()
	runtime.ReadMemStats(&a)
	fmt.Printf("after-gc sources kept: HeapAlloc = %d KB\n", a.HeapAlloc/1024)
	sources = nil
	runtime.GC()
	runtime.ReadMemStats(&b)
	fmt.Printf("after-gc sources dropped: HeapAlloc = %d KB, freed = %d KB\n", b.HeapAlloc/1024, (a.HeapAlloc-b.HeapAlloc)/1024)
	sum := 0
	for _, v := range vals {
		sum += v
	}
	fmt.Println(len(vals), sum, vals[:8], rng != nil)
}
