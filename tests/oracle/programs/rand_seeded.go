// rand_seeded.go — a seeded math/rand generator draws real Go's numbers, on every release.
//
// rand.New(rand.NewSource(seed)) is Go's rngSource (math/rand/rng.go: an additive lagged
// Fibonacci generator of 607 words, seeded by Park–Miller steps XORed with rngCooked) and
// Rand's methods turn its draws into numbers as rand.go does (rejection for Intn/Int31n/
// Int63n, Perm from Intn, Shuffle's Lemire multiply, Read's 7 bytes a draw, the ziggurat of
// NormFloat64/ExpFloat64): the same numbers on Go 1.19–1.27, printed here draw for draw.
// The top-level functions: Go 1.19's default source is NewSource(1) (rand.Intn(100) is 81
// in every run); from 1.20 it is seeded at random, and rand.Seed(s) makes it NewSource(s)'s
// until 1.24, where Seed does nothing: those lines are not compared there.
// oracle: go1.21+ tol * skip lines 12
// oracle: go1.24+ tol * skip lines 13
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	r := rand.New(rand.NewSource(1))
	runtime.ReadMemStats(&b)
	fmt.Printf("a source: delta = %d B, mallocs = %d\n", b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
	fmt.Println(r.Intn(100), r.Intn(100), r.Intn(1000000), r.Int63(), r.Int31(), r.Uint32(), r.Uint64(), r.Int())
	fmt.Println(r.Int63n(1<<40), r.Int63n(1000000007), r.Int31n(1<<20), r.Int31n(77), r.Intn(1<<40+3))
	fmt.Println(r.Float64(), r.NormFloat64(), r.ExpFloat64())
	fmt.Println(r.Perm(12))
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)
	buf := make([]byte, 10)
	r.Read(buf)
	fmt.Println(buf)
	r.Read(buf[:3])
	fmt.Println(buf[:3])
	for _, seed := range []int64{0, -1, 42, 1<<31 - 1, 1 << 40, -9223372036854775808} {
		fmt.Print(rand.New(rand.NewSource(seed)).Int63(), " ")
	}
	fmt.Println()
	r.Seed(7)
	fmt.Println(r.Intn(10), r.Intn(10), r.Intn(10))
	// many draws: the ziggurat's slow paths (the base strip, the wedges) and the rejections
	var normSum, expSum float64
	hist := make([]int, 10)
	for i := 0; i < 200000; i++ {
		normSum += r.NormFloat64()
		expSum += r.ExpFloat64()
		hist[r.Intn(10)]++
	}
	fmt.Printf("%.6f %.6f %v\n", normSum, expSum, hist)
	fmt.Println("default source:", rand.Intn(100), rand.Intn(100), rand.Int63())
	rand.Seed(99)
	fmt.Println("after rand.Seed(99):", rand.Intn(100), rand.Intn(100), rand.Float64(), rand.Perm(5))
}
