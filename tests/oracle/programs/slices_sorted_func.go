// slices_sorted_func.go — slices.SortedFunc and SortedStableFunc (Go 1.23+) over
// maps.Keys, and slices.SortFunc / SortStableFunc (Go 1.21+) with comparison functions that
// leave ties: pdqsort's order of equal elements is printed, so the release's algorithm shows.
//
// SortedFunc(seq, cmp) is Collect(seq) then SortFunc (src/slices/iter.go): never inlined,
// as Sorted; sorting allocates nothing. Real Go (TotalAlloc / Mallocs deltas, one run each
// of 1.23–1.27): SortedFunc and SortedStableFunc of 1 000 keys 25 272 B / 15, as
// slices.Sorted (gomapsim 25 264: one tiny block's 8 B); SortFunc and SortStableFunc in
// place 0 B / 0. slices/sort.go's xorshift (breakPatterns) changed in Go 1.24 (shifts 13,
// 17, 5 → 13, 7, 17): the last SortFunc's equal elements end in another order on 1.23 than
// from 1.24 (Profile::library.sort_xorshift_64); gomapsim prints each release's order.
// Before 1.23 gc says "undefined: slices.SortedFunc", as gomapsim does.
// oracle: since go1.23
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"cmp"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
)

var a, b runtime.MemStats

func report(what string, n int) {
	fmt.Printf("%s %d: delta=%d mallocs=%d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func main() {
	m := make(map[int]bool)
	for i := 0; i < 1000; i++ {
		m[i*7919%1000] = true
	}
	words := strings.Fields(strings.Repeat("go map heap bucket overflow tophash evacuate grow slice sort pivot key elem ", 6))
	nums := make([]int, 300)
	for i := range nums {
		nums[i] = (i * 7919) % 1000
	}
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	k := slices.SortedFunc(maps.Keys(m), func(x, y int) int { return cmp.Compare(y, x) })
	runtime.ReadMemStats(&b)
	report("SortedFunc(maps.Keys(m), descending)", len(k))
	fmt.Println(k[0], k[1], k[998], k[999])

	runtime.ReadMemStats(&a)
	k = slices.SortedStableFunc(maps.Keys(m), func(x, y int) int { return cmp.Compare(x/100, y/100) })
	runtime.ReadMemStats(&b)
	report("SortedStableFunc(maps.Keys(m), by hundreds)", len(k))
	fmt.Println(k[0]/100, k[500]/100, k[999]/100)

	runtime.ReadMemStats(&a)
	slices.SortFunc(words, func(x, y string) int { return cmp.Compare(len(x), len(y)) })
	runtime.ReadMemStats(&b)
	report("SortFunc(words, by length)", len(words))
	fmt.Println(strings.Join(words[:40], " "))
	fmt.Println(strings.Join(words[40:], " "))

	runtime.ReadMemStats(&a)
	slices.SortStableFunc(nums, func(x, y int) int { return cmp.Compare(x%10, y%10) })
	runtime.ReadMemStats(&b)
	report("SortStableFunc(nums, by last digit)", len(nums))
	fmt.Println(nums[:12], nums[288:])

	runtime.ReadMemStats(&a)
	slices.SortFunc(nums, func(x, y int) int { return cmp.Compare(x%7, y%7) })
	runtime.ReadMemStats(&b)
	report("SortFunc(nums, by x%7)", len(nums))
	fmt.Println(nums[:12], nums[288:])
}
