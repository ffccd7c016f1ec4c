// slices_sort_structs.go — slices.SortFunc / SortStableFunc (Go 1.21+) of []struct{name
// string; age int}: by age (cmp.Compare), by name (strings.Compare), on the heap (grown by
// append, append(s, s...) of itself) and on the stack (an array's slice, a local make), for
// sizes 2..50: pdqsort's insertion sort up to 12, its partitions and breakPatterns above,
// symMerge's blocks of 20 for the stable sort. Each line prints every element, so a wrong
// element (a zero value, an alias) shows at once.
//
// Real Go 1.21–1.27 (one run each; gomapsim prints the same, byte for byte, on every
// release): sorting allocates nothing (delta=0 mallocs=0). The releases differ in two
// places. From 1.24 slices/sort.go's xorshift (breakPatterns) puts equal elements of the
// SortFunc lines from n=22 elsewhere (Profile::library.sort_xorshift_64: 8 lines differ
// from 1.23's). From 1.22, for n=18, s's 18 appends leave cap 37 (1.21: 32), so
// append(s, s...) writes into s's own array: the stable sort of twice reorders s too, and
// s[0].age = 99 shows in twice (2 lines differ). These programs once printed zero values:
// a struct or string returned in the slot of an argument of another kind was freed by a GC
// or a pool collection landing right after the call (liveness.cpp, result_cats).
// oracle: since go1.21
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func byAge(x, y person) int  { return cmp.Compare(x.age, y.age) }
func byName(x, y person) int { return strings.Compare(x.name, y.name) }

func newPerson(i, n int) person { return person{fmt.Sprint("p", (i*7)%n), (i * 13) % 5} }

func show(what string, s []person) {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.name)
		b.WriteByte(':')
		b.WriteString(fmt.Sprint(p.age))
		b.WriteByte(' ')
	}
	fmt.Println(what, len(s), b.String())
}

func onStack() {
	var arr [16]person
	for i := range arr {
		arr[i] = person{fmt.Sprint("s", 16-i), i % 3}
	}
	slices.SortFunc(arr[:], byAge)
	for _, p := range arr {
		fmt.Print(p.name, "/", p.age, " ")
	}
	fmt.Println()
	local := make([]person, 20)
	for i := range local {
		local[i] = person{fmt.Sprint("l", (i*7)%20), (i * 3) % 4}
	}
	slices.SortStableFunc(local, byAge)
	for i := range local {
		fmt.Print(local[i].name, "/", local[i].age, " ")
	}
	fmt.Println()
}

func main() {
	var a, b runtime.MemStats
	onStack()
	for n := 2; n <= 50; n += 4 {
		var s []person
		for i := 0; i < n; i++ {
			s = append(s, newPerson(i, n))
		}
		twice := append(s, s...)
		runtime.ReadMemStats(&a)
		slices.SortFunc(s, byAge)
		slices.SortStableFunc(twice, byName)
		runtime.ReadMemStats(&b)
		fmt.Printf("n=%d: delta=%d mallocs=%d\n", n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
		show("SortFunc by age", s)
		show("SortStableFunc twice by name", twice[:min(len(twice), 24)])
		s[0].age = 99   // twice holds copies
		slices.SortFunc(twice, func(x, y person) int { return cmp.Compare(y.age, x.age) })
		show("twice by age, descending", twice[:min(len(twice), 24)])
	}
}
