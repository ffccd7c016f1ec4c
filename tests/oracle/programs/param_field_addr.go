// param_field_addr.go — a parameter or value receiver whose address, or a field's or element's
// address, escapes moves to the heap whole, as gc moves it (go build -gcflags=-m: "moved to
// heap: c", "moved to heap: p"), on every release: a value receiver locking its Mutex
// (c.mu.Lock() hands &c.mu to the runtime's bodyless semacquire) 16 B / 1 malloc a call; a
// parameter whose field's address is stored in a global (an aggregate field: the 24-B outer;
// a scalar field: the 16-B point) or in a map (the map's growth on top: 432 B / 2 more to
// 1.23, 472 / 4 from 1.24), or returned from a function gc does not inline (with the
// append's growth: 3 640 B / 108 on 1.19–1.23, 3 712 / 105 from 1.24). Inlined, the same
// `return &p.x` or `&b.a[3]` read at once costs nothing, nor a &p.x that stays in its function.
// Pointers to a scalar field or element (&p.x, &a[i], &s[i]) read and write the value they
// point to. Real Go 1.19, 1.21–1.27 identical in every run (three runs each).
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	if label != "" {
		fmt.Printf("%-24s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	}
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

type counter struct {
	mu sync.Mutex
	n  int
}

func (c counter) inc() int {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return c.n
}

func lockParam(c counter) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

type point struct{ x, y int }

type inner struct{ a, b int }

type outer struct {
	in inner
	k  int
}

type big struct {
	a [8]int
	m map[int]int
}

var gin *inner
var gp *int
var gm = map[int]*int{}

func keepInner(o outer)       { gin = &o.in }
func storeGlobal(p point)     { gp = &p.y }
func storeMap(p point, k int) { gm[k] = &p.x }
func addrX(p point) *int      { return &p.x }
func bigAddr(b big) *int      { return &b.a[3] }
func localOnly(p point) int   { q := &p.x; *q += 1; return p.x }
func bump(p *int)             { *p += 10 }

//go:noinline
func addrXNoinline(p point) *int { return &p.x }

func main() {
	delta("")
	c := counter{}
	s := 0
	for i := 0; i < 100; i++ {
		s += c.inc()
	}
	delta("value receiver x100")
	for i := 0; i < 100; i++ {
		s += lockParam(c)
	}
	delta("param's mu x100")
	for i := 0; i < 100; i++ {
		keepInner(outer{k: i})
	}
	delta("global = &o.in x100")
	for i := 0; i < 100; i++ {
		storeGlobal(point{i, i})
	}
	delta("global = &p.y x100")
	for i := 0; i < 100; i++ {
		storeMap(point{i, i}, i%10)
	}
	delta("map = &p.x x100")
	for i := 0; i < 100; i++ {
		s += *addrX(point{i, i})
	}
	delta("inlined &p.x x100")
	for i := 0; i < 100; i++ {
		s += *bigAddr(big{})
	}
	delta("inlined &b.a[3] x100")
	for i := 0; i < 100; i++ {
		s += localOnly(point{i, i})
	}
	delta("local &p.x x100")
	var ps []*int
	for i := 0; i < 100; i++ {
		ps = append(ps, addrXNoinline(point{i, -i}))
	}
	delta("returned &p.x x100")
	t := 0
	for _, p := range ps {
		t += *p
	}
	xs := [6]int{}
	for i := range xs {
		bump(&xs[i])
	}
	ys := xs[:]
	bump(&ys[2])
	var o outer
	bump(&o.k)
	bump(&o.in.b)
	fmt.Println("sums:", s, t, *gp, *gm[3], gin.a, xs[0], ys[2], o.k, o.in.b)
}
