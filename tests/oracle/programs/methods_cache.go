// methods_cache.go — a cache type with methods, as readers write their experiments.
//
// The map lives behind a *Cache made by a constructor (marked //go:noinline, so the Cache is
// on the heap: inlined, it could stay on main's stack, programs/inlining.go); Put/Get/Delete
// have pointer receivers, Len a value receiver (copying a Cache copies the map pointer, not
// the map). Deleting every other key leaves the buckets; Reset drops the map for a fresh one,
// and the next GC frees the old buckets. A Point with a pointer-receiver Move stays on main's
// stack: calling p.Move() allocates nothing.
// oracle: after-gc lines 3 4 5
// Go 1.24's Alloc right after the fill depends on where the last automatic GC fell among
// the table splits: real runs spread 12 % alone, and 10 527–15 009 KB (43 %) over 8 runs of
// 1.24 beside another job (2026-12-06), so it gets 35 % around the median of real runs.
// oracle: go1.24+ tol Alloc 35% lines 2
// For the same reason Go 1.24's count of automatic cycles differs by one between real runs
// after the fill, and by more under load (the mark stretches): real Go 4, 5, 6, 7 in three idle CI runs on
// 1.24–1.27, gomapsim the same: ±2.
// oracle: go1.24+ tol NumGC ±2
package main

import (
	"fmt"
	"runtime"
)

type Cache struct {
	entries      map[int][64]byte
	hits, misses int
}

//go:noinline
func NewCache(hint int) *Cache {
	return &Cache{entries: make(map[int][64]byte, hint)}
}

func (c *Cache) Put(k int) { c.entries[k] = [64]byte{} }

func (c *Cache) Get(k int) bool {
	_, ok := c.entries[k]
	if ok {
		c.hits++
	} else {
		c.misses++
	}
	return ok
}

func (c *Cache) Delete(k int) { delete(c.entries, k) }

func (c Cache) Len() int { return len(c.entries) }

func (c *Cache) Reset() { c.entries = make(map[int][64]byte) }

type Point struct{ X, Y int }

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

func (p Point) Sum() int { return p.X + p.Y }

func main() {
	report("start", 0, "")
	c := NewCache(0)
	n := 90_000
	for i := 0; i < n; i++ {
		c.Put(i)
	}
	for i := 0; i < n; i += 1000 {
		c.Get(i)
		c.Get(-i - 1)
	}
	report("filled", c.Len(), mapShape(c.entries))
	for i := 0; i < n; i += 2 {
		c.Delete(i)
	}
	runtime.GC()
	report("after-gc half deleted", c.Len(), mapShape(c.entries))
	c.Reset()
	runtime.GC()
	report("after-gc reset", c.Len(), mapShape(c.entries))
	t0 := totalAlloc()
	var p Point
	for i := 0; i < 1000; i++ {
		p.Move(1, 2)
	}
	delta := totalAlloc() - t0
	runtime.GC()
	report("after-gc moved", p.Sum(), "")
	fmt.Printf("hits=%d misses=%d point=%d delta=%d\n", c.hits, c.misses, p.Sum(), delta)
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func report(step string, n int, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: len=%d Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, n, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
}
