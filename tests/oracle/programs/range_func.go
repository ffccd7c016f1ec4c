// range_func.go — range over functions (Go 1.23) and the iterators of packages maps and
// slices: what slices.Collect(maps.Keys(m)), slices.Sorted(maps.Keys(m)), a range over
// maps.All, maps.Collect and maps.Insert allocate, release by release.
//
// Every iterator of maps and slices is inlined where it is ranged over, and so is the loop
// body's closure: a range over maps.All(m) is the range over m, the map iterator on the
// stack, 0 B on 1.23–1.27. The consumers allocate what their loop appends or inserts, plus,
// where gc does not inline the consumer, the body's escaping closure (func literal escapes
// to heap, moved to heap: slices.s and #state1): 3 mallocs / 56–64 B a call. slices.Sorted
// is never inlined (it calls Sort); on 1.23 AppendSeq and Insert are not either.
// Real Go (TotalAlloc / Mallocs deltas; five runs of 1.23, one of the others):
//   Collect(Keys) of 1 000 ints: 1.23 25 272 B / 15, 1.24 25 216 / 12, 1.25–1.27 25 152 / 9
//     (the 32-byte append buffer on the stack: Collect and AppendSeq inlined, the slice local)
//   Sorted(Keys): 25 272 B / 15 on every release (gomapsim 25 264: one tiny block's 8 B)
//   range maps.All / maps.Keys with break / slices.All, Backward, Values: 0 B / 0
//   maps.Collect(maps.All(m)) of 1 000: 1.23 85 912–89 224 B / 61–85 (the classic map's
//     overflow buckets turn on the hash seed), 1.24+ 74 264 B / 20
//   maps.Insert into make(map, 1000): 1.23 41 160–41 224 B / 9–10, 1.24+ 36 944 B / 5
//   AppendSeq(make([]int, 0, 10), Values(s)) of 500: 1.23 10 616 B / 10 (the make escapes
//     with s), 1.24+ 10 464 B / 6
//   the program's own iterators (a generator's literal, a function by name, a return out of
//   the body): 0 B / 0 on every release (gc inlines iterator and body; go build -gcflags=-m:
//   "func literal does not escape")
// gomapsim prints the same counts; 1.23's map lines take the seed's spread (gomapsim 66–87
// mallocs over seeds 1–6 for maps.Collect, 8–11 for Insert).
// oracle: since go1.23
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
// oracle: go1.23 tol mallocs ±25 lines 7
// oracle: go1.23 tol mallocs ±3 lines 8
package main

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
)

var a, b runtime.MemStats

// the program's own iterators: a generator returning its literal, a function ranged over by name
func countTo(n int) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func evens(yield func(int) bool) {
	for i := 0; i < 2000; i += 2 {
		if !yield(i) {
			return
		}
	}
}

func pairs(m map[int]int) func(yield func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func firstAbove(limit int) int {
	for x := range evens {
		if x > limit {
			return x
		}
	}
	return -1
}

func report(what string, n int) {
	fmt.Printf("%s %d: delta=%d mallocs=%d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func main() {
	m := make(map[int]int)
	for i := 0; i < 1000; i++ {
		m[i*7] = i
	}
	s := make([]int, 500)
	for i := range s {
		s[i] = i * 3
	}
	fmt.Println("start")

	runtime.ReadMemStats(&a)
	keys := slices.Collect(maps.Keys(m))
	runtime.ReadMemStats(&b)
	report("Collect(Keys) len=", len(keys))

	runtime.ReadMemStats(&a)
	sorted := slices.Sorted(maps.Keys(m))
	runtime.ReadMemStats(&b)
	report("Sorted(Keys) first=", sorted[0]+sorted[999])

	runtime.ReadMemStats(&a)
	vals := slices.Collect(maps.Values(m))
	runtime.ReadMemStats(&b)
	report("Collect(Values) len=", len(vals))

	runtime.ReadMemStats(&a)
	sum := 0
	for k, v := range maps.All(m) {
		sum += k + v
	}
	runtime.ReadMemStats(&b)
	report("range maps.All sum=", sum)

	runtime.ReadMemStats(&a)
	n := 0
	for k := range maps.Keys(m) {
		if k > 100 {
			n++
		}
		if n == 10 {
			break
		}
	}
	runtime.ReadMemStats(&b)
	report("range maps.Keys break n=", n)

	runtime.ReadMemStats(&a)
	m2 := maps.Collect(maps.All(m))
	runtime.ReadMemStats(&b)
	report("maps.Collect len=", len(m2))

	runtime.ReadMemStats(&a)
	m3 := make(map[int]int, 1000)
	maps.Insert(m3, maps.All(m))
	runtime.ReadMemStats(&b)
	report("maps.Insert len=", len(m3))

	runtime.ReadMemStats(&a)
	total := 0
	for i, v := range slices.All(s) {
		total += i * v
	}
	for _, v := range slices.Backward(s) {
		total -= v
	}
	for v := range slices.Values(s) {
		total += v
	}
	runtime.ReadMemStats(&b)
	report("slices.All/Backward/Values total=", total)

	runtime.ReadMemStats(&a)
	grown := slices.AppendSeq(make([]int, 0, 10), slices.Values(s))
	runtime.ReadMemStats(&b)
	report("AppendSeq len=", len(grown))

	last := -1
	for i, v := range slices.Backward(s[:4]) {
		fmt.Println("backward", i, v)
		last = i
	}
	fmt.Println("last", last, slices.Sorted(slices.Values([]int{3, 1, 2})))

	runtime.ReadMemStats(&a)
	total = 0
	for x := range countTo(1000) {
		total += x
	}
	for x := range evens {
		if x%3 == 0 {
			continue
		}
		total += x
	}
	for k, v := range pairs(m) {
		total += k - v
	}
	total += firstAbove(999)
	runtime.ReadMemStats(&b)
	report("user iterators total=", total)
}
