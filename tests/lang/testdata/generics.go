// generics.go — generic functions and types (tests/lang/generics_test.cpp: the output of real Go 1.24).
package main

import (
	"cmp"
	"fmt"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func MaxOf[T cmp.Ordered](xs []T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func Each[T any](l *List[T], f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

type Counter[K comparable] struct {
	m map[K]int
}

func NewCounter[K comparable]() *Counter[K] {
	return &Counter[K]{m: make(map[K]int)}
}

func (c *Counter[K]) Inc(k K) { c.m[k]++ }
func (c *Counter[K]) String() string {
	return "Counter(" + strconv.Itoa(len(c.m)) + ")"
}

type IDs []int

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func Zero[T any]() T {
	var z T
	return z
}

func GroupBy[K comparable, V any](xs []V, key func(V) K) map[K][]V {
	out := make(map[K][]V)
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func main() {
	strs := Map([]int{1, 2, 3}, func(i int) string { return strconv.Itoa(i * 10) })
	fmt.Println(strs, len(strs))
	evens := Filter(IDs{1, 2, 3, 4}, func(i int) bool { return i%2 == 0 })
	fmt.Printf("%v %T\n", evens, evens)
	fmt.Println(MaxOf([]int{3, 9, 2}), MaxOf([]string{"b", "c"}))
	var l List[string]
	l.Push("a")
	l.Push("b")
	Each(&l, func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.size)
	c := NewCounter[string]()
	c.Inc("x")
	c.Inc("y")
	c.Inc("x")
	fmt.Println(c, c.m["x"])
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]float64{1.5}, 2))
	fmt.Println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil)
	g := GroupBy([]string{"apple", "avocado", "banana"}, func(s string) byte { return s[0] })
	fmt.Println(len(g), g['a'], g['b'])
	fmt.Printf("%T %T\n", g, &node[int]{})
}
