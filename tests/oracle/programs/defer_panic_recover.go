// defer_panic_recover.go — what defer, panic and recover cost, and that they run as Go's.
//
// gc open-codes a function's defers (at most 8, none in a loop): nothing is allocated, nor
// for 9 (deferprocStack: the record on the stack). A defer inside a loop allocates a heap
// _defer record (runtime/panic.go newdefer: 80 B up to Go 1.21, 48 B from 1.22) and gc's
// wrapper closure {F, i} (16 B) every iteration; the records go back to the deferpool when
// the calls run, so the second call allocates only the closures. A recovered panic costs its
// value's boxing (convT64 8 B for an int ≥ 256, the string for a Sprintf; constants, errors
// and the runtime's plain errors nothing; an index error's boundsError 24 B).
// oracle: mem TotalAlloc
// oracle: nofloor TotalAlloc
// oracle: unit B
package main

import (
	"errors"
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-26s TotalAlloc = %d B, Mallocs = %d, Frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

var total int

func add(n int) { total += n }

func openCoded(n int) int {
	defer add(n)
	defer func() { total++ }()
	return n * 2
}

func nine(n int) {
	defer add(1)
	defer add(2)
	defer add(3)
	defer add(4)
	defer add(5)
	defer add(6)
	defer add(7)
	defer add(8)
	defer add(n)
}

func loopDefers(n int) {
	for i := 0; i < n; i++ {
		defer add(i)
	}
}

func recoverString() (r any) {
	defer func() { r = recover() }()
	panic("boom")
}

func recoverInt(i int) (r any) {
	defer func() { r = recover() }()
	panic(i)
}

func recoverSprintf(i int) (r any) {
	defer func() { r = recover() }()
	panic(fmt.Sprintf("bad %d", i))
}

var errBad = errors.New("bad")

func recoverErr() (r any) {
	defer func() { r = recover() }()
	panic(errBad)
}

func recoverIndex(s []int, i int) (r any) {
	defer func() { r = recover() }()
	return s[i]
}

func recoverNilMap() (r any) {
	defer func() { r = recover() }()
	var m map[string]int
	m["a"] = 1
	return nil
}

func recoverDiv(a, b int) (r any) {
	defer func() { r = recover() }()
	return a / b
}

type T struct{ x int }

func recoverNil(p *T) (r any) {
	defer func() { r = recover() }()
	return p.x
}

func named() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func main() {
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	for i := 0; i < 1000; i++ {
		openCoded(i)
	}
	delta("1000 openCoded")
	for i := 0; i < 1000; i++ {
		nine(i)
	}
	delta("1000 nine defers")
	loopDefers(1000)
	delta("loopDefers(1000)")
	loopDefers(1000)
	delta("loopDefers(1000) again")
	for i := 0; i < 100; i++ {
		loopDefers(10)
	}
	delta("100 loopDefers(10)")
	var r any
	for i := 0; i < 1000; i++ {
		r = recoverString()
	}
	delta("1000 recoverString")
	for i := 0; i < 1000; i++ {
		r = recoverInt(i + 1000)
	}
	delta("1000 recoverInt")
	for i := 0; i < 1000; i++ {
		r = recoverInt(i % 200)
	}
	delta("1000 recoverInt small")
	for i := 0; i < 1000; i++ {
		r = recoverErr()
	}
	delta("1000 recoverErr")
	s := []int{1, 2, 3}
	for i := 0; i < 1000; i++ {
		r = recoverIndex(s, 5)
	}
	delta("1000 recoverIndex")
	for i := 0; i < 1000; i++ {
		r = recoverNilMap()
	}
	delta("1000 recoverNilMap")
	for i := 0; i < 1000; i++ {
		r = recoverDiv(1, 0)
	}
	delta("1000 recoverDiv")
	for i := 0; i < 1000; i++ {
		r = recoverNil(nil)
	}
	delta("1000 recoverNil")
	fmt.Println(r, named(), total)
	fmt.Println(recoverIndex(s, 5), recoverNilMap(), recoverDiv(1, 0), recoverErr(), recoverInt(7), recoverString(), recoverSprintf(3))
}
