// call_result_parts.go — a field or element of a call's result (makePoint().x + 1,
// getMap()["k"], getPtr().y) read in place costs nothing, and a statement that writes
// through one (getSlice()[i]++, getHolder().m["a"] += i, pts()[0].x++, pts()[1].x += 5)
// calls the function once, as the spec says of x op= y: every count printed is real Go's. The
// one allocation is the map's first bucket (208 B). Real Go 1.19, 1.21–1.27 identical in
// every run (three runs each).
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	if label != "" {
		fmt.Printf("%-26s delta = %d B, mallocs = %d, calls = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, calls)
	}
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

type point struct{ x, y int }

func (p *point) scale(k int) { p.x *= k }

type holder struct {
	m    map[string]int
	tags []int
}

var calls int
var gm = map[string]int{"k": 1}
var gs = make([]int, 4)
var gh = holder{m: map[string]int{}, tags: make([]int, 3)}
var gp = []point{{1, 2}, {3, 4}}

func makePoint() point       { calls++; return point{3, 4} }
func getMap() map[string]int { calls++; return gm }
func getSlice() []int        { calls++; return gs }
func getHolder() holder      { calls++; return gh }
func getPtr() *point         { calls++; return &point{5, 6} }
func pts() []point           { calls++; return gp }

func main() {
	delta("")
	s := 0
	for i := 0; i < 100; i++ {
		s += makePoint().x + 1
	}
	delta("makePoint().x x100")
	for i := 0; i < 100; i++ {
		s += getMap()["k"]
	}
	delta("getMap()[k] x100")
	for i := 0; i < 100; i++ {
		getSlice()[i%4]++
	}
	delta("getSlice()[i]++ x100")
	for i := 0; i < 100; i++ {
		getHolder().m["a"] += i
	}
	delta("getHolder().m[a] += x100")
	for i := 0; i < 100; i++ {
		getHolder().tags[i%3] += 2
	}
	delta("getHolder().tags[i] += x100")
	for i := 0; i < 100; i++ {
		s += getPtr().y
	}
	delta("getPtr().y x100")
	for i := 0; i < 100; i++ {
		pts()[i%2].x++
		pts()[1].x += 5
	}
	pts()[0].scale(3)
	delta("pts()[i].x++ x100")
	getMap()["new"] = 5
	fmt.Println("values:", s, gs, gh.m["a"], gh.tags, gm["new"], gp)
}
