// escape_contents.go — what is read out of a slice, through a pointer or a field escapes
// with the values stored there (cmd/compile/internal/escape: a deref of a location reaches
// what flowed into it). []*Square{&Square{5}, &Square{6}} keeps both squares on the stack
// until an element is stored in a global; then both move to the heap (the analysis does
// not tell the elements apart), and the slice's array stays on the stack. The same through
// range, a noinline function returning s[0], &holder{p: &x}, *pp, append and copy.
// oracle: unit B
// oracle: nofloor TotalAlloc
// oracle: tol TotalAlloc exact
package main

import (
	"fmt"
	"runtime"
)

type Square struct{ side int }

type holder struct{ p *Square }

var (
	sink  *Square
	sinkS []*Square
	ms    runtime.MemStats
)

func stats() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func report(what string, m0, b0 uint64) {
	m1, b1 := stats()
	fmt.Printf("%s: Mallocs %d TotalAlloc %d\n", what, m1-m0, b1-b0)
}

//go:noinline
func first(s []*Square) *Square { return s[0] }

//go:noinline
func total(s []*Square) int {
	t := 0
	for _, q := range s {
		t += q.side
	}
	return t
}

func kept() {
	m0, b0 := stats()
	shapes := []*Square{&Square{5}, &Square{6}}
	sink = shapes[0]
	report("element kept", m0, b0)
}

func notKept() {
	m0, b0 := stats()
	shapes := []*Square{&Square{5}, &Square{6}}
	n := total(shapes)
	report(fmt.Sprint("elements summed ", n), m0, b0)
}

func ranged() {
	m0, b0 := stats()
	shapes := []*Square{{1}, {2}, {3}}
	for _, s := range shapes {
		if s.side == 2 {
			sink = s
		}
	}
	report("range value kept", m0, b0)
}

func returned() {
	m0, b0 := stats()
	shapes := []*Square{&Square{7}, &Square{8}}
	sink = first(shapes)
	report("first(s) kept", m0, b0)
}

func throughField() {
	m0, b0 := stats()
	x := Square{9}
	h := &holder{p: &x}
	sink = h.p
	report("&holder{p: &x}; h.p kept", m0, b0)
}

func throughPointer() {
	m0, b0 := stats()
	p := &Square{10}
	pp := &p
	sink = *pp
	report("*pp kept", m0, b0)
}

func appended() {
	m0, b0 := stats()
	shapes := []*Square{&Square{11}}
	more := append(shapes, nil)
	report(fmt.Sprint("appended to, len ", len(more)), m0, b0)
}

func copied() {
	m0, b0 := stats()
	src := []*Square{&Square{12}, &Square{13}}
	dst := make([]*Square, 2)
	copy(dst, src)
	sinkS = dst
	report("copied into a kept slice", m0, b0)
}

func main() {
	kept()
	notKept()
	ranged()
	returned()
	throughField()
	throughPointer()
	appended()
	copied()
}
