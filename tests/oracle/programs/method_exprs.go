// method_exprs.go — method expressions and interface method values as readers write them:
// T.M and (*T).M as functions whose first parameter is the receiver, an interface's
// method as a value (I.M-fm: the interface in the closure) and as an expression (I.M).
// What each costs, between runtime.GC calls:
//
//   - T.M, (*T).M, I.M: static functions (gc's wrappers included), nothing allocated
//   - a method value of an interface kept in a slice: its closure {F, R} with R the
//     interface, 24 B a value (and the slice's growth)
package main

import (
	"fmt"
	"runtime"
)

type Point struct{ X, Y int }

func (p Point) Sum() int          { return p.X + p.Y }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square struct{ S int }

func (r Rect) Area() int      { return r.W * r.H }
func (r Rect) Name() string   { return "rect" }
func (s Square) Area() int    { return s.S * s.S }
func (s Square) Name() string { return "square" }

var ms runtime.MemStats

func report(step string, a0, t0 uint64) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Mallocs=%d TotalAlloc=%d B\n", step, ms.Mallocs-a0, ms.TotalAlloc-t0)
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

var kept []func() int

var ps = []Point{{1, 2}, {3, 4}, {5, 6}}

var shapes = []Shape{Rect{2, 3}, Square{4}, Rect{5, 5}}

func apply(f func(Point) int, ps []Point) int {
	t := 0
	for _, p := range ps {
		t += f(p)
	}
	return t
}

func main() {
	runtime.GC()
	runtime.ReadMemStats(&ms)
	a, t := ms.Mallocs, ms.TotalAlloc

	sum := Point.Sum
	s0, s1 := sum(ps[0]), apply(Point.Sum, ps)
	scale := (*Point).Scale
	for i := range ps {
		scale(&ps[i], 10)
	}
	psum := (*Point).Sum
	s2 := psum(&ps[1])
	add := Point.Add
	p3 := add(ps[0], ps[2])
	a, t = report("method expressions", a, t)
	fmt.Println("Point.Sum", s0, s1, "(*Point).Sum", s2, "Point.Add", p3.X, p3.Y)
	fmt.Printf("%T\n", add)
	fmt.Printf("%T\n", scale)

	area := Shape.Area
	total := 0
	for _, s := range shapes {
		total += area(s)
	}
	a, t = report("interface method expression", a, t)
	fmt.Println("Shape.Area total", total)
	fmt.Printf("%T\n", area)

	for i := 0; i < 100; i++ {
		kept = append(kept, shapes[i%3].Area)
	}
	a, t = report("100 interface method values kept", a, t)
	total = 0
	for _, f := range kept {
		total += f()
	}
	name := shapes[1].Name
	n := name()
	a, t = report("interface method values called", a, t)
	fmt.Println("kept total", total, len(kept), "name", n)
	_, _ = a, t
}
