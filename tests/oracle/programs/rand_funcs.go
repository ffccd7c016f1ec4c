// rand_funcs.go — what math/rand's top-level functions cost: the global generator's first
// call, Perm, Read and the float draws.
//
// Up to Go 1.19 the global source is built at init (nothing on the first call). From 1.20 the
// first call makes it (math/rand/rand.go globalRand: the Rand, two 8-byte sources) and reads
// GODEBUG's randautoseed, which stores a setting in internal/godebug's cache: a sync.Map up
// to 1.23, whose first store makes its dirty map (424 B / 10 mallocs), a HashTrieMap from
// 1.24 (176 B / 6); 40 runs a release alike, measured with MemProfileRate = 1. Perm(n)
// returns a new []int (always on the heap: 896 B for 100, with isPerm's []bool 1 008 B / 2);
// Read and Float64/NormFloat64/ExpFloat64 allocate nothing, on a *Rand as on the global one.
// The global source is seeded at random from Go 1.20, so nothing printed depends on its
// numbers (rand_seeded.go prints a seeded source's).
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string, ok bool) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: ok=%v delta=%d mallocs=%d\n", what, ok, after.TotalAlloc-before.TotalAlloc,
		after.Mallocs-before.Mallocs)
}

func isPerm(p []int) bool {
	seen := make([]bool, len(p))
	for _, v := range p {
		if v < 0 || v >= len(p) || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

func main() {
	start()
	n := rand.Intn(10)
	report("first call", n >= 0 && n < 10)

	start()
	n = rand.Intn(10) + rand.Int()%2
	report("second call", n >= 0)

	start()
	p := rand.Perm(100)
	report("Perm(100)", isPerm(p))

	start()
	p = rand.Perm(5000)
	report("Perm(5000)", isPerm(p) && len(p) == 5000)

	buf := make([]byte, 64)
	start()
	total := 0
	for i := 0; i < 100; i++ {
		k, err := rand.Read(buf)
		total += k
		if err != nil {
			total = -1
		}
	}
	report("Read x100", total == 6400)

	start()
	sum := 0.0
	for i := 0; i < 1000; i++ {
		sum += rand.Float64() + rand.NormFloat64()*0 + rand.ExpFloat64()*0
	}
	report("Float64 x1000", sum > 0 && sum < 1000)

	r := rand.New(rand.NewSource(7))
	start()
	q := r.Perm(100)
	report("r.Perm(100)", isPerm(q))

	start()
	k, err := r.Read(buf)
	report("r.Read", k == 64 && err == nil)
}
