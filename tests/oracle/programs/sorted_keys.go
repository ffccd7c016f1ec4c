// sorted_keys.go — printing a map in key order: collect the keys, sort them.
//
// Until Go 1.22, sort.Ints(x) is sort.Sort(IntSlice(x)): the slice header is boxed into an
// interface (24 B) and x's backing array escapes to the heap; from Go 1.22 it is
// slices.Sort(x) and nothing escapes. The sorted keys print the same everywhere, though
// Go's map iteration order is random.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strconv"
)

func main() {
	scores := make(map[string]int)
	for i := 0; i < 500; i++ {
		scores["player-"+strconv.Itoa(i*7919%1000)] = i
	}
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	names := make([]string, 0, len(scores))
	for name := range scores {
		names = append(names, name)
	}
	sort.Strings(names)
	runtime.ReadMemStats(&b)
	fmt.Printf("sorted %d names: delta=%d mallocs=%d\n", len(names), b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
	for _, name := range names[:3] {
		fmt.Println(name, scores[name])
	}
	fmt.Println("sorted:", sort.StringsAreSorted(names))

	runtime.ReadMemStats(&a)
	small := make([]int, 0, 16)
	for _, v := range scores {
		if len(small) < 16 {
			small = append(small, v%100)
		}
	}
	sort.Ints(small)
	runtime.ReadMemStats(&b)
	fmt.Printf("16 small keys: delta=%d mallocs=%d sorted=%v\n", b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs, sort.IntsAreSorted(small))
}
