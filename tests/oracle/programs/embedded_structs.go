// embedded_structs.go — embedding: the embedded struct is part of the value, its methods promote.
//
// A map[int]Order where Order embeds Meta (two ints and a string: 32 bytes) stores Meta
// inline: each slot holds the whole 56-byte Order, so the map's buckets/groups are sized by
// it; embedding *Meta instead holds a pointer (8 bytes) and one 32-byte object per entry.
// Promoted methods (o.Touch(), o.Describe()) are the embedded type's own; an Order satisfies
// an interface through them. Figures after runtime.GC() are what the two maps hold.
package main

import (
	"fmt"
	"runtime"
)

type Meta struct {
	Created, Updated int
	Owner            string
}

func (m *Meta) Touch(t int)      { m.Updated = t }
func (m Meta) Describe() string  { return m.Owner }

type Order struct {
	Meta
	ID, Qty int
}

type OrderRef struct {
	*Meta
	ID, Qty int
}

type Describer interface{ Describe() string }

func report(label string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-28s Alloc = %d KB, HeapObjects = %d\n", label, ms.Alloc/1024, ms.HeapObjects/1000)
}

func main() {
	const n = 40_000
	report("start")
	inline := make(map[int]Order, n)
	for i := 0; i < n; i++ {
		o := Order{ID: i, Qty: i % 7}
		o.Touch(i)
		inline[i] = o
	}
	runtime.GC()
	report("after-gc embedded value")
	refs := make(map[int]OrderRef, n)
	for i := 0; i < n; i++ {
		r := OrderRef{Meta: &Meta{Created: i}, ID: i}
		r.Touch(i + 1)
		refs[i] = r
	}
	runtime.GC()
	report("after-gc embedded pointer")
	var d Describer = inline[7]
	sum := 0
	for i := 0; i < n; i++ {
		sum += refs[i].Updated - inline[i].Updated
	}
	fmt.Println(len(inline), len(refs), sum, d.Describe() == "", mapShape(inline), mapShape(refs))
}
