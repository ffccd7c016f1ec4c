// generics.go — generic helpers over maps cost what the same code written for one type
// costs.
//
// gc compiles generic code once per GC shape and passes a dictionary, but what a call
// allocates is the code's own: Keys makes one []K of len(m) (8 B per int key, 16 B per
// string key, rounded up to a size class), a Set[T] is a map[T]struct{} (the same buckets
// or groups as the map written out), a Stack[T] grows its slice as append does, and a
// Pair[K, V] is a struct of K and V. %T prints the instances as reflect names them.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sort"
)

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

type Number interface {
	~int | ~int64 | ~float64
}

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Pairs[K comparable, V any](m map[K]V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	return out
}

var ms runtime.MemStats
var last uint64

// delta prints the bytes allocated since the last call.
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-22s delta = %d B\n", label, ms.TotalAlloc-last)
	last = ms.TotalAlloc
}

func main() {
	runtime.ReadMemStats(&ms)
	last = ms.TotalAlloc

	ages := make(map[string]int, 1000)
	for i := 0; i < 1000; i++ {
		ages[fmt.Sprint("user", i)] = i
	}
	delta("fill ages")
	names := Keys(ages)
	delta("Keys(ages)")
	sort.Strings(names)
	fmt.Println(len(names), names[0], names[len(names)-1])
	ps := Pairs(ages)
	delta("Pairs(ages)")
	fmt.Printf("%T %d\n", ps, len(ps))

	seen := Set[int]{}
	for i := 0; i < 50_000; i++ {
		seen.Add(i * 3)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("Set[int] of %d: Alloc = %d KB, %v %v %T\n", len(seen), ms.Alloc/1024, seen.Has(300), seen.Has(301), seen)
	last = ms.TotalAlloc

	var st Stack[Pair[string, int]]
	for i := 0; i < 100; i++ {
		st.Push(Pair[string, int]{"k", i})
	}
	delta("100 pushes")
	fmt.Printf("%d %d %T\n", len(st.items), cap(st.items), &st)
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}))
	runtime.KeepAlive(seen)
}
