// random_keys.go — a map filled with math/rand keys, as benchmarks and churn demos do.
//
// Real Go seeds its global source at random from 1.20 (Go 1.19's is NewSource(1), whose
// numbers gomapsim draws too), so only what does not depend on them is printed: 90 000 keys out of 2^40 collide with probability
// 0.4 %, so the map ends with 90 000 entries; half of them are deleted at random. Importing
// math/rand costs Go 1.19 5 440 B at start (its global source); Go 1.24 allocates on the first
// call instead (176 B).
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

func report(step string, m map[int64][32]byte) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB %s\n", step, ms.Alloc/1024, mapShape(m))
}

func main() {
	m := make(map[int64][32]byte)
	inRange := true
	for len(m) < 90_000 {
		k := rand.Int63n(1 << 40)
		inRange = inRange && k >= 0 && k < 1<<40
		m[k] = [32]byte{}
	}
	runtime.GC()
	report("after-gc filled", m)
	deleted := 0
	for k := range m {
		if rand.Intn(2) == 0 {
			delete(m, k)
			deleted++
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc deleted about half: %v Alloc=%d KB\n", deleted > 40_000 && deleted < 50_000, ms.Alloc/1024)
	f := rand.Float64()
	fmt.Println("in range:", inRange, f >= 0 && f < 1, rand.Intn(10) < 10, rand.Uint32() <= 1<<32-1)
	runtime.KeepAlive(m)
}
