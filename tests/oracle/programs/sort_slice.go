// sort_slice.go — sort.Slice, SliceStable, SliceIsSorted and Search as readers use them:
// "sort a map by value", structs by a field, with real Go's order of equal elements.
//
// sort.Slice runs zsortfunc.go's pdqsort_func (insertion sort below 13 elements, then
// pattern-defeating quicksort whose breakPatterns draws from the release's xorshift: 13/17/5
// up to 1.23, 13/7/17 from 1.24), so elements with equal keys end in an order that depends on
// the release; every order below is printed and equal to real Go's on 1.19, 1.21–1.27.
// What it allocates (internal/reflectlite/swapper.go): x boxed into an interface (24 B) and
// the swap closure — 32 B for 8-byte elements or strings (sort.Slice of []int: 56 B / 2),
// a scratch element and a 48-B closure otherwise (a {string, int} struct: 96 B / 3); one
// element: the box only. SliceIsSorted boxes x up to 1.21 (24 B / 1), nothing from 1.22
// (reflectlite.ValueOf no longer escapes). sort.Search and SearchInts: 0 B.
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

type person struct {
	name string
	age  int
}

type pair struct {
	key   string
	count int
}

var ms runtime.MemStats
var last, lastM uint64

func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-20s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastM)
	runtime.ReadMemStats(&ms)
	last, lastM = ms.TotalAlloc, ms.Mallocs
}

// reset starts the next delta here (what was printed in between left out).
func reset() {
	runtime.ReadMemStats(&ms)
	last, lastM = ms.TotalAlloc, ms.Mallocs
}

func main() {
	fmt.Println("warm up the printer")
	reset()
	ints := []int{5, 2, 8, 1, 9, 3}
	people := []person{{"al", 30}, {"bo", 25}, {"cy", 35}, {"di", 25}, {"ed", 30}, {"fy", 25}}
	one := []int{7}
	delta("setup")
	sort.Slice(ints, func(i, j int) bool { return ints[i] > ints[j] })
	delta("Slice ints")
	sort.Slice(people, func(i, j int) bool { return people[i].age < people[j].age })
	delta("Slice structs")
	sort.Slice(one, func(i, j int) bool { return one[i] < one[j] })
	delta("Slice one")
	fmt.Println(ints, people, one)
	reset()
	sort.SliceStable(people, func(i, j int) bool { return people[i].name > people[j].name })
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	delta("SliceStable")
	fmt.Println(people)

	// a word count sorted by count: many equal counts, pdqsort's order of them
	freq := make(map[string]int)
	for i := 0; i < 3000; i++ {
		freq["w"+strconv.Itoa((i*i+7*i)%211)]++
	}
	pairs := make([]pair, 0, len(freq))
	for k, v := range freq {
		pairs = append(pairs, pair{k, v})
	}
	reset()
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].count > pairs[j].count })
	delta("two sorts")
	fmt.Println(len(pairs), pairs[:12])
	fmt.Println(pairs[60:72])
	reset()
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].count%7 < pairs[j].count%7 })
	sorted7 := sort.SliceIsSorted(pairs, func(i, j int) bool { return pairs[i].count%7 < pairs[j].count%7 })
	delta("stable and check")
	fmt.Println(pairs[:10], sorted7)
	reset()

	// patterns: many duplicates, descending, sawtooth (pdqsort's reversal and breakPatterns)
	big := make([]person, 2000)
	for i := range big {
		big[i] = person{"p" + strconv.Itoa(i), (i * 37 % 101) / 3}
	}
	delta("make 2000")
	sort.Slice(big, func(i, j int) bool { return big[i].age < big[j].age })
	delta("Slice 2000")
	fmt.Println(big[0].name, big[1].name, big[2].name, big[500].name, big[1000].name, big[1999].name)
	reset()
	desc := make([]int, 300)
	for i := range desc {
		desc[i] = 300 - i
	}
	sort.Slice(desc, func(i, j int) bool { return desc[i]/10 < desc[j]/10 })
	delta("descending")
	fmt.Println(desc[:12], desc[290:])
	reset()
	saw := make([]int, 500)
	for i := range saw {
		saw[i] = i % 17 * 1000 + i
	}
	sort.Slice(saw, func(i, j int) bool { return saw[i]/1000 < saw[j]/1000 })
	delta("sawtooth")
	fmt.Println(saw[:10], saw[250:256])
	reset()

	sorted := make([]int, 1000)
	for i := range sorted {
		sorted[i] = i * 3
	}
	words := []string{"apple", "banana", "cherry", "date"}
	delta("make sorted")
	i := sort.SearchInts(sorted, 1500)
	j := sort.Search(len(sorted), func(k int) bool { return sorted[k] >= 2000 })
	k := sort.SearchStrings(words, "c")
	delta("Search")
	isSorted := sort.SliceIsSorted(sorted, func(a, b int) bool { return sorted[a] < sorted[b] })
	delta("SliceIsSorted")
	fmt.Println(i, j, k, isSorted)
}
