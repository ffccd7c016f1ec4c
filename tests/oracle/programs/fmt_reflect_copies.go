// fmt_reflect_copies.go — what fmt allocates to print a composite value: printValue takes
// each element's reflect Value.Interface(), which copies an addressable value that is not
// pointer-shaped into a new object (a slice's elements, the exported fields below them or
// below &{…}); a map is sorted by internal/fmtsort first (its slices, the iterator's
// mapiterinit, a copy of each key and elem). Measured on every release: up to Go 1.22
// fmtsort keeps keys and values in two []reflect.Value and a *SortedMap; from 1.23 one
// []KeyValue; from 1.24 the Swiss map's iterator allocates nothing.
// oracle: unit B
// oracle: nofloor TotalAlloc
// oracle: tol TotalAlloc exact
// From Go 1.22 real Go now and then counts one small object more on one line, a different
// line each time: a type-assertion cache (runtime/iface.go typeAssert, interfaceSwitch:
// fmt's printArg and handleMethods assert and switch on interfaces; a call that misses the
// cache builds a new one, 48–64 B, on about one call in 1 024, at random). A clean-clone CI
// read line 13 on Go 1.24 as 8 mallocs / 112 B in all three real runs (7 / 64 in every
// earlier CI and in gomapsim), another line 8 on 1.23; a self-check on 2026-12-07 (6 runs a
// release) line 8 on 1.22 and 1.26 (+48 B) and line 14 on 1.27 (+64 B) once each. So from
// 1.22 every line takes one such object; 1.19 and 1.21 stay exact.
// oracle: go1.22+ tol Mallocs ±1
// oracle: go1.22+ tol TotalAlloc ±64
package main

import (
	"fmt"
	"runtime"
)

type Celsius struct{ deg int }

func (c Celsius) String() string { return fmt.Sprintf("%d°C", c.deg) }

type Color int

func (c Color) String() string { return "color" }

type Pt struct{ x, y int }

type Item struct {
	Name  string
	Price int
	note  string
}

type Blob []byte

var ms runtime.MemStats

func stats() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

// show prints what f allocates; each value is captured, so it lives on the heap.
func show(what string, f func()) {
	m0, b0 := stats()
	f()
	m1, b1 := stats()
	fmt.Printf("%s: Mallocs %d TotalAlloc %d\n", what, m1-m0, b1-b0)
}

func main() {
	fmt.Println("warm up fmt's printer")
	c := Celsius{1000}
	arr := [2]Celsius{{1000}, {2000}}
	temps := []Celsius{{500}, {600}, {700}}
	colors := []Color{1000, 2000, 3000}
	ints := []int{1000, 2000, 3000}
	pts := []Pt{{1, 2}, {3, 4}}
	ptsArr := [2]Pt{{1, 2}, {3, 4}}
	items := []Item{{"pen", 300, "a"}, {"ink", 900, "b"}}
	item := &Item{"cap", 400, "c"}
	bytes := []byte("hello")
	blob := Blob("hello")
	mi := map[int]int{1000: 2000, 3000: 4000}
	ms := map[string]Pt{"a": {1, 2}}
	mp := map[int]*Pt{1: {5, 6}}
	show("Sprint(c)", func() { _ = fmt.Sprint(c) })
	show("Sprint(arr)", func() { _ = fmt.Sprint(arr) })
	show("Sprint(temps)", func() { _ = fmt.Sprint(temps) })
	show("Sprint(colors)", func() { _ = fmt.Sprint(colors) })
	show("Sprint(ints)", func() { _ = fmt.Sprint(ints) })
	show("Sprintf %d ints", func() { _ = fmt.Sprintf("%d", ints) })
	show("Sprint(pts)", func() { _ = fmt.Sprint(pts) })
	show("Sprint(ptsArr)", func() { _ = fmt.Sprint(ptsArr) })
	show("Sprint(items)", func() { _ = fmt.Sprint(items) })
	show("Sprint(item)", func() { _ = fmt.Sprint(item) })
	show("Sprint(bytes)", func() { _ = fmt.Sprint(bytes) })
	show("Sprint(blob)", func() { _ = fmt.Sprint(blob) })
	show("Sprintf %s blob", func() { _ = fmt.Sprintf("%s", blob) })
	show("Sprint(mi)", func() { _ = fmt.Sprint(mi) })
	show("Sprint(ms)", func() { _ = fmt.Sprint(ms) })
	show("Sprint(mp)", func() { _ = fmt.Sprint(mp) })
	show("Sprintf %T temps", func() { _ = fmt.Sprintf("%T", temps) })
}
