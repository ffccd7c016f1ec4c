// rand_shuffle.go — rand.Shuffle and (*rand.Rand).Shuffle (math/rand): Fisher-Yates from the
// end, swap(i, j) called n-1 times with j = r.int31n(i+1) (Lemire's method on r.Uint32()).
// The swap literal does not escape: a shuffle allocates nothing on any release (real Go 1.19,
// 1.21–1.27: 0 B for a literal, three rounds, the method value d.swap and 999 swaps of a
// 1 000-int slice on the stack; the first global Shuffle 0 B on 1.19, 424 B / 10 mallocs on
// 1.21–1.23, 176 B / 6 from 1.24 — the global generator made at its first use).
// The seeded shuffles' orders are printed: rand.New(rand.NewSource(42)) is Go's rngSource
// (engine/lang/math_rand.h), so they are real Go's on every release; the global one's is
// not printed (seeded at random from Go 1.20).
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

type deck struct{ cards []string }

func (d *deck) swap(i, j int) { d.cards[i], d.cards[j] = d.cards[j], d.cards[i] }

// isPerm: xs holds 0 … len(xs)-1 once each.
func isPerm(xs []int) bool {
	var seen [64]bool
	for _, x := range xs {
		if x < 0 || x >= len(xs) || seen[x] {
			return false
		}
		seen[x] = true
	}
	return true
}

func main() {
	fmt.Println("warm up the printer")
	r := rand.New(rand.NewSource(42))
	nums := make([]int, 10)
	for i := range nums {
		nums[i] = i
	}
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	r.Shuffle(len(nums), func(i, j int) { nums[i], nums[j] = nums[j], nums[i] })
	delta("seeded shuffle")
	fmt.Println(isPerm(nums))
	delta("print")

	words := []string{"ace", "two", "three", "four", "five", "six", "seven"}
	for round := 0; round < 3; round++ {
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		fmt.Println(len(words), words[0] != "" && words[6] != "")
	}
	delta("three rounds")
	fmt.Println(words)
	delta("print")

	d := &deck{cards: []string{"a", "b", "c", "d", "e"}}
	r.Shuffle(len(d.cards), d.swap)
	delta("method value")
	fmt.Println(len(d.cards), d.cards)
	delta("print")

	swaps := 0
	big := make([]int, 1000)
	for i := range big {
		big[i] = i
	}
	delta("make 1000")
	rand.Shuffle(len(big), func(i, j int) {
		big[i], big[j] = big[j], big[i]
		swaps++
	})
	delta("global shuffle")
	sum := 0
	for _, v := range big {
		sum += v
	}
	fmt.Println(swaps, sum)
	r.Shuffle(1, func(i, j int) { panic("not called") })
	r.Shuffle(0, func(i, j int) { panic("not called") })
	delta("n 0 and 1")
}
